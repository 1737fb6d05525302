// Small display helpers shared by the screens.

/** 75 → "1 h 15 min", 45 → "45 min". */
export function minutes(total: number): string {
  const m = Math.round(total);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** "2026-11-22" → "Sunday, 22 November" in the learner's locale. */
export function longDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  return d.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
}

/** "2026-11-22" → "22 Nov 2026". */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(`${iso}T12:00:00`);
  return d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

/** Hours with at most one decimal: 12.5 → "12.5 h". */
export function hours(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

/** The learner's local date as YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function splitTags(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
