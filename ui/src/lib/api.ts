// The desktop's commands and events for the screens. `api` is the typed
// wrappers generated from the Rust commands (./commands.ts, `make bindings`);
// every failure arrives as an AppError ({code, message, field}): screens show
// `message` and branch only on `code`.
import { listen } from "@tauri-apps/api/event";
import type { RoadmapFormat, SettingsView, SyncProgress, SyncView } from "./bindings";
import { commands } from "./commands";

export type * from "./bindings";
export { asAppError } from "./call";

/** Every desktop command, typed (generated from the Rust command functions). */
export const api = commands;

/** The phrase "Delete all my data" asks the learner to type. */
export const DELETE_ALL_PHRASE = "delete my data";

/**
 * The settings with the study values; `pass_mark` and `desired_retention` may
 * be missing from older desktops, so readers fall back to the defaults.
 */
export type StudySettingsView = SettingsView & { pass_mark?: number; desired_retention?: number };

/** The pass mark and desired retention used when the desktop does not say. */
export const STUDY_DEFAULTS = { passMark: 0.7, desiredRetention: 0.9 } as const;

/** Calls `handler` with each `name` event of the desktop; returns the unsubscribe function. */
function onEvent<T>(name: string, handler: (payload: T) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  listen<T>(name, (e) => handler(e.payload)).then(
    (unlisten) => (stopped ? unlisten() : (stop = unlisten)),
    () => {},
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Calls `handler` with the new date whenever the learner's day turns over while
 * the window is open (the desktop emits `day-changed`). Returns the unsubscribe
 * function, for an `$effect` to return.
 */
export function onDayChanged(handler: (date: string) => void): () => void {
  return onEvent("day-changed", handler);
}

/**
 * Calls `handler` when the desktop asks to open a screen (the learner clicked a
 * notification); `api.takeRoute()` says which.
 */
export function onNavigate(handler: () => void): () => void {
  return onEvent("navigate", handler);
}

/** The roadmap format of a file name, from its extension; null when it is neither. */
export function roadmapFormatOf(name: string): RoadmapFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  if (lower.endsWith(".json")) return "json";
  return null;
}

/** The file types the card import reads (Anki "Notes in plain text" exports and CSV). */
export const CARD_FILE_TYPES = ".csv,.tsv,.txt";

/** Calls `handler` whenever background sync reports how it stands. */
export const onSyncStatus = (handler: (s: SyncView) => void) => onEvent<SyncView>("sync-status", handler);

/** Calls `handler` while a long sync runs, with how far it is. */
export const onSyncProgress = (handler: (p: SyncProgress) => void) => onEvent<SyncProgress>("sync-progress", handler);
