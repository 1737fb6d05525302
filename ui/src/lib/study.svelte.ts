// The number of revision cards due now, shared by the navigation badge, Today
// and the Review screen. Screens that load the count anyway report it with
// `setDue`; `refreshDue` asks the desktop (on start, on focus, now and then).
import { api } from "./api";

export const reviews = $state({ due: null as number | null });

export function setDue(n: number) {
  reviews.due = n;
}

let pending: Promise<void> | null = null;

/** Reloads the count; failures keep the last known one (the screens report errors). */
export function refreshDue(): Promise<void> {
  pending ??= api
    .dueCards()
    .then(
      (cards) => setDue(cards.length),
      () => {},
    )
    .finally(() => (pending = null));
  return pending;
}

/**
 * Whether a key press belongs to the focused element rather than to a screen's
 * shortcuts: typing in a field, Enter on a link or button, Space on a button.
 */
export function keyIsNative(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t || typeof t.matches !== "function") return false;
  if (t.closest("dialog")) return true;
  if (t.matches('textarea, select, input:not([type="radio"]):not([type="checkbox"]), [contenteditable="true"]')) return true;
  if (e.key === "Enter") return t.matches("a[href], button, summary");
  if (e.key === " ") return t.matches("button, summary, input");
  return false;
}

/** An attachment that moves the focus to its element when it appears. */
export function focusNow(el: HTMLElement) {
  el.focus();
}
