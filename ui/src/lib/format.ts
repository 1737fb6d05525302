// Small display helpers shared by the screens.
import type { Outlook, QuestionBody, QuestionKind, TrackStatus } from "./bindings";

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

/** An instant in the learner's locale: "22 Nov 2026, 08:57" (with `seconds`, "08:57:09"). */
export function dateTime(instant: string, seconds = false): string {
  return new Date(instant).toLocaleString(undefined, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: seconds ? "2-digit" : undefined,
  });
}

/** 11322 → "11 kB", 10300000 → "10.3 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
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

/** Weekday names, Monday first (the order of `week_minutes` and `week_hours`). */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Short weekday names, Monday first, in the learner's locale ("Mon" … "Sun"). */
export const WEEKDAYS_SHORT: string[] = WEEKDAYS.map((_, i) =>
  // 2024-01-01 was a Monday.
  new Date(2024, 0, 1 + i, 12).toLocaleDateString(undefined, { weekday: "short" }),
);

/** "2026-11-17" → "Tue 17": a nearby day, told apart from its neighbours. */
export function weekday(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  return `${d.toLocaleDateString(undefined, { weekday: "short" })} ${d.getDate()}`;
}

/** "2026-11-22" → "22 Nov" (the year only when it is not this one). */
export function dayMonth(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  const sameYear = d.getFullYear() === new Date().getFullYear();
  return d.toLocaleDateString(undefined, sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" });
}

/** A start and end day as one short range: "22 Nov", "22–24 Nov", "30 Nov – 2 Dec". */
export function dateRange(start: string, end: string): string {
  if (start === end) return dayMonth(start);
  const a = new Date(`${start}T12:00:00`);
  const b = new Date(`${end}T12:00:00`);
  if (a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth()) return `${a.getDate()}–${dayMonth(end)}`;
  return `${dayMonth(start)} – ${dayMonth(end)}`;
}

/** 4 → "4:00", 13 → "13:00": an hour of the day. */
export function hourOfDay(h: number): string {
  return `${h}:00`;
}

/** Hours as a plain number with at most two decimals: 7.25 → "7.25", 7.5 → "7.5", 2 → "2". */
export function hoursNumber(h: number): string {
  const r = Math.round(h * 100) / 100;
  return Number.isInteger(r) ? String(r) : String(Number(r.toFixed(2)));
}


/** What the learner reads for a goal's track status. */
export function statusLabel(outlook: Pick<Outlook, "status" | "hours_total">): string {
  const labels: Record<TrackStatus, string> = {
    on_track: "On track",
    at_risk: "At risk",
    off_track: "Off track",
    no_target: "No target",
    finished: "Finished",
  };
  if (outlook.status === "finished" && outlook.hours_total === 0) return "Not planned";
  return labels[outlook.status];
}

/** The badge colour that goes with a track status. */
export function statusTone(status: TrackStatus): "ok" | "warn" | "danger" | "accent" | "" {
  switch (status) {
    case "on_track":
      return "ok";
    case "at_risk":
      return "warn";
    case "off_track":
      return "danger";
    case "finished":
      return "accent";
    default:
      return "";
  }
}

/** A weekly pattern in words: "7 h/week" when even, else "Mon–Fri 1 h · Sat 3 h". */
export function weekPattern(weekMinutes: readonly number[]): string {
  const total = weekMinutes.reduce((a, b) => a + b, 0);
  const weekly = hoursNumber(Math.round((total / 60) * 10) / 10);
  if (new Set(weekMinutes).size <= 1) return `${weekly} h/week`;
  const runs: string[] = [];
  let i = 0;
  while (i < 7) {
    let j = i;
    while (j + 1 < 7 && weekMinutes[j + 1] === weekMinutes[i]) j++;
    if (weekMinutes[i] > 0) {
      const days = i === j ? WEEKDAYS_SHORT[i] : `${WEEKDAYS_SHORT[i]}–${WEEKDAYS_SHORT[j]}`;
      runs.push(`${days} ${minutes(weekMinutes[i])}`);
    }
    i = j + 1;
  }
  return `${weekly} h/week (${runs.join(" · ")})`;
}

/** A roadmap step's derived status in words. */
export function stepStatusLabel(status: "pending" | "in_progress" | "done"): string {
  return status === "done" ? "Done" : status === "in_progress" ? "In progress" : "Not started";
}

/** The last day a rolled-over task was planned for, as "Tue 17". */
export function movedFrom(missedDates: readonly string[]): string {
  return weekday([...missedDates].sort()[missedDates.length - 1]);
}

/** A number with one decimal below 10, whole above; no trailing ".0": 1.47 → "1.5", 2.0 → "2", 14.2 → "14". */
function compact(n: number): string {
  return n < 10 ? String(Math.round(n * 10) / 10) : String(Math.round(n));
}

/**
 * A review interval in days as a rating button shows it:
 * 0.0069 → "10 min", 0.25 → "6 h", 1 → "1 d", 3 → "3 d", 60 → "2 mo", 500 → "1.4 y".
 */
export function interval(days: number): string {
  if (!Number.isFinite(days) || days < 0) return "—";
  const mins = days * 1440;
  if (mins < 59.5) return `${Math.max(1, Math.round(mins))} min`;
  if (days < 1) return `${Math.round(mins / 60)} h`;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${compact(days / 30.4375)} mo`;
  return `${compact(days / 365.25)} y`;
}

/** When an instant comes, in words from now: "now", "in 10 min", "in 3 h", "tomorrow", "in 4 days", "on 2 Mar". */
export function fromNow(instant: string, now: number = Date.now()): string {
  const at = new Date(instant);
  const ms = at.getTime() - now;
  if (!Number.isFinite(ms) || ms <= 30_000) return "now";
  const mins = ms / 60_000;
  if (mins < 59.5) return `in ${Math.max(1, Math.round(mins))} min`;
  if (mins < 12 * 60) return `in ${Math.round(mins / 60)} h`;
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(at) - startOf(new Date(now))) / 86_400_000);
  if (days <= 0) return `at ${at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}`;
  if (days === 1) return "tomorrow";
  if (days < 14) return `in ${days} days`;
  return `on ${at.toLocaleDateString(undefined, { day: "numeric", month: "short" })}`;
}

/** A share 0..1 as a whole percentage: 0.8 → "80%". */
export function pct(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** What a question kind is called. */
export function kindLabel(kind: QuestionKind): string {
  return {
    multiple_choice: "Multiple choice",
    true_false: "True or false",
    short_answer: "Short answer",
    recall: "Recall card",
  }[kind];
}

/** The right answer of a question, as the back of its revision card. */
export function rightAnswer(body: QuestionBody): string {
  switch (body.kind) {
    case "multiple_choice":
      return body.choices.find((c) => c.correct)?.text ?? "";
    case "true_false":
      return body.answer ? "True" : "False";
    case "short_answer":
      return body.accepted[0] ?? "";
    case "recall":
      return body.back;
  }
}

/** "1 card", "3 cards". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const DAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "19:30:00" → "19:30". */
export function clock(time: string): string {
  return time.slice(0, 5);
}

/** The weekdays in words: "every day", "every weekday", "Mon, Wed". */
export function dayList(days: readonly string[]): string {
  const set = new Set(days);
  if (set.size === 7) return "Every day";
  if (set.size === 5 && DAY_ORDER.slice(0, 5).every((d) => set.has(d))) return "Every weekday";
  if (set.size === 2 && set.has("sat") && set.has("sun")) return "Every weekend day";
  return DAY_ORDER.filter((d) => set.has(d))
    .map((d) => WEEKDAYS_SHORT[DAY_ORDER.indexOf(d)])
    .join(", ");
}

type ReminderWords =
  | { kind: "daily"; times: string[]; days: string[] }
  | { kind: "reviews_due"; threshold: number; every_minutes: number; at_or_after: string | null }
  | { kind: "streak_at_risk"; time: string }
  | { kind: "at"; at: string; note: string };

/**
 * An instant as the learner's wall clock in `zone` shows it: "Tue 24 Nov, 18:00"
 * (the computer's zone when `zone` is unknown to the browser).
 */
export function when(iso: string, zone?: string | null): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false };
  const d = new Date(iso);
  try {
    return d.toLocaleString(undefined, { ...options, timeZone: zone ?? undefined });
  } catch {
    return d.toLocaleString(undefined, options);
  }
}

/** A reminder in words: "Every weekday at 19:30", "Streak at risk at 20:00". */
export function reminderText(r: ReminderWords, zone?: string | null): string {
  switch (r.kind) {
    case "daily":
      return `${dayList(r.days)} at ${r.times.map(clock).join(", ")}`;
    case "reviews_due": {
      const every = r.every_minutes % 60 === 0 ? `${r.every_minutes / 60} h` : `${r.every_minutes} min`;
      const from = r.at_or_after ? `, from ${clock(r.at_or_after)}` : "";
      return `When ${r.threshold}+ reviews are due, at most every ${every}${from}`;
    }
    case "streak_at_risk":
      return `Streak at risk at ${clock(r.time)}`;
    case "at":
      return `Once on ${when(r.at, zone)}${r.note ? ` — ${r.note}` : ""}`;
  }
}
