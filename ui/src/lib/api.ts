// Typed calls to the desktop commands. Every failure arrives as an AppError
// ({code, message, field}); screens show `message` and branch only on `code`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  Activity,
  Answer,
  AppError,
  CardImport,
  CardView,
  Checked,
  GoalStudy,
  Optimized,
  QuestionInput,
  RatedCard,
  TestAttempt,
  TodayTest,
  DayOffInput,
  GoalInput,
  GoalOverview,
  GoalStatus,
  GoalView,
  PlanView,
  RoadmapFormat,
  SettingsInput,
  SettingsView,
  StepInput,
  Task,
  TaskStatus,
  Template,
  TodayView,
  Notification,
  OnceInput,
  PauseFor,
  QuietHours,
  Reminder,
  ReminderInput,
  ConflictView,
  ConnectionCheck,
  SyncProgress,
  SyncReport,
  SyncRunView,
  SyncView,
  ReminderSettings,
  Stats,
  BackupInfo,
  DeletedData,
  ImportReport,
  RestoreReport,
} from "./bindings";

export type * from "./bindings";

function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Turns anything thrown by `invoke` into an AppError. */
export function asAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return { code: "storage", message: String(e), field: null };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asAppError(e);
  }
}

export const api = {
  templates: () => call<Template[]>("templates"),
  listGoals: () => call<GoalOverview[]>("list_goals"),
  goalView: (id: string) => call<GoalView>("goal_view", { id }),
  createGoal: (input: GoalInput, template: string | null) => call<GoalOverview>("create_goal", { input, template }),
  updateGoal: (id: string, input: GoalInput) => call<GoalOverview>("update_goal", { id, input }),
  setGoalStatus: (id: string, status: GoalStatus) => call<GoalOverview>("set_goal_status", { id, status }),
  deleteGoal: (id: string) => call<void>("delete_goal", { id }),
  applyTemplate: (goalId: string, name: string) => call<GoalView>("apply_template", { goalId, name }),
  addStep: (goalId: string, input: StepInput, position: number | null = null) =>
    call<GoalView>("add_step", { goalId, input, position }),
  updateStep: (goalId: string, stepId: string, input: StepInput) =>
    call<GoalView>("update_step", { goalId, stepId, input }),
  moveStep: (goalId: string, stepId: string, to: number) => call<GoalView>("move_step", { goalId, stepId, to }),
  removeStep: (goalId: string, stepId: string) => call<GoalView>("remove_step", { goalId, stepId }),
  today: (date: string | null = null) => call<TodayView>("today", { date }),
  setTaskStatus: (id: string, status: TaskStatus, minutes: number | null = null) =>
    call<Task>("set_task_status", { id, status, minutes }),
  openResource: (url: string) => call<void>("open_resource", { url }),
  dataDir: () => call<string>("data_dir"),
  plan: (goalId: string) => call<PlanView>("plan", { goalId }),
  replanAll: () => call<GoalOverview[]>("replan_all"),
  setStepDone: (goalId: string, stepId: string, done: boolean) =>
    call<GoalView>("set_step_done", { goalId, stepId, done }),
  settings: () => call<StudySettingsView>("settings"),
  updateSettings: (input: SettingsInput) => call<SettingsView>("update_settings", { input }),
  addDayOff: (input: DayOffInput) => call<SettingsView>("add_day_off", { input }),
  removeDayOff: (start: string) => call<SettingsView>("remove_day_off", { start }),
  activities: (goalId: string | null = null) => call<Activity[]>("activities", { goalId }),
  importRoadmap: (goalId: string, text: string, format: RoadmapFormat) =>
    call<GoalView>("import_roadmap", { goalId, text, format }),
  /** Saves the roadmap as a file; returns its path. */
  exportRoadmap: (goalId: string, format: RoadmapFormat) => call<string>("export_roadmap", { goalId, format }),
  /** Saves the plan (one goal, or every active goal) as an .ics calendar; returns its path. */
  exportIcs: (goalId: string | null = null) => call<string>("export_ics", { goalId }),

  // Questions, revision cards and the daily test.
  addQuestion: (goalId: string, input: QuestionInput) => call<CardView>("add_question", { goalId, input }),
  updateQuestion: (cardId: string, input: QuestionInput) => call<CardView>("update_question", { cardId, input }),
  deleteQuestion: (cardId: string) => call<void>("delete_question", { cardId }),
  goalStudy: (goalId: string) => call<GoalStudy>("goal_study", { goalId }),
  /** Without `confirm`, nothing is written when some rows fail (`needs_confirmation`). */
  importCards: (text: string, goalId: string | null, confirm: boolean) =>
    call<CardImport>("import_cards", { text, goalId, confirm }),
  /** Due cards, earliest first; only the first carries `next_intervals`. */
  dueCards: () => call<CardView[]>("due_cards"),
  /** Rating 1 (Again) … 4 (Easy). */
  rateCard: (cardId: string, rating: 1 | 2 | 3 | 4, durationMs: number | null = null) =>
    call<RatedCard>("rate_card", { cardId, rating, durationMs }),
  optimizeFsrs: () => call<Optimized>("optimize_fsrs"),
  todayTest: () => call<TodayTest>("today_test"),
  checkAnswer: (questionId: string, answer: Answer) => call<Checked>("check_answer", { questionId, answer }),
  submitTest: (answers: [string, Answer][]) => call<TestAttempt>("submit_test", { answers }),
  updateStudySettings: (passMark: number, desiredRetention: number) =>
    call<StudySettingsView>("update_study_settings", { passMark, desiredRetention }),

  /** Every figure of the Stats screen, or of one goal's summary. */
  stats: (goalId: string | null = null) => call<Stats>("stats", { goalId }),

  // Reminders (they ring from the tray even with the window closed).
  reminders: () => call<Reminder[]>("reminders"),
  /** The reminders with their next time, the quiet hours and the pause, as saved. */
  reminderSettings: () => call<ReminderSettings>("reminder_settings"),
  addReminder: (input: ReminderInput) => call<Reminder>("add_reminder", { input }),
  /** A one-off reminder at a local date and time ("2026-12-01T18:00:00"), for a task or goal. */
  addOnceReminder: (input: OnceInput) => call<Reminder>("add_once_reminder", { input }),
  deleteReminder: (id: string) => call<void>("delete_reminder", { id }),
  snoozeReminder: (id: string, minutes: number) => call<Reminder>("snooze_reminder", { id, minutes }),
  remindersDue: () => call<Notification[]>("reminders_due"),
  /** Pauses every reminder; returns when they ring again. */
  pauseReminders: (pause: PauseFor) => call<string>("pause_reminders", { pause }),
  resumeReminders: () => call<void>("resume_reminders"),
  /** Sets the quiet hours; null removes them. */
  setQuietHours: (quiet: QuietHours | null) => call<void>("set_quiet_hours", { quiet }),
  syncStatus: () => call<SyncView>("sync_status"),
  syncLog: () => call<SyncRunView[]>("sync_log"),
  syncTest: (uri: string, database: string) => call<ConnectionCheck>("sync_test", { uri, database }),
  syncConnect: (uri: string, database: string) => call<SyncView>("sync_connect", { uri, database }),
  syncDisable: () => call<SyncView>("sync_disable"),
  syncNow: () => call<SyncReport>("sync_now"),
  deleteRemoteData: () => call<number>("delete_remote_data"),
  conflicts: () => call<ConflictView[]>("conflicts"),
  restoreConflict: (id: string) => call<ConflictView[]>("restore_conflict", { id }),
  dismissConflict: (id: string) => call<ConflictView[]>("dismiss_conflict", { id }),
  /** Whether Waymark starts hidden in the tray at login. */
  launchAtLogin: () => call<boolean>("launch_at_login"),
  setLaunchAtLogin: (enabled: boolean) => call<boolean>("set_launch_at_login", { enabled }),
  /** The screen a clicked notification asked to open ("#/goal/<id>"), once; null when none. */
  takeRoute: () => call<string | null>("take_route"),

  // Your data: export, import, backups, delete all.
  /** Saves everything as one JSON file; returns its path. */
  exportData: () => call<string>("export_data"),
  /** Checks an export file and says what importing it would do (writes nothing). */
  previewImport: (text: string) => call<ImportReport>("preview_import", { text }),
  importData: (text: string) => call<ImportReport>("import_data", { text }),
  backups: () => call<BackupInfo[]>("backups"),
  backupNow: () => call<BackupInfo>("backup_now"),
  /** Replaces everything with a backup; the current state is backed up first. */
  restoreBackup: (id: string) => call<RestoreReport>("restore_backup", { id }),
  /** Deletes everything when `confirmation` is the typed phrase. */
  deleteAllData: (confirmation: string) => call<DeletedData>("delete_all_data", { confirmation }),
};

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
