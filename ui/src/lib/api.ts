// Typed calls to the desktop commands. Every failure arrives as an AppError
// ({code, message, field}); screens show `message` and branch only on `code`.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type {
  Activity,
  AppError,
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
  settings: () => call<SettingsView>("settings"),
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
};

/**
 * Calls `handler` with the new date whenever the learner's day turns over while
 * the window is open (the desktop emits `day-changed`). Returns the unsubscribe
 * function, for an `$effect` to return.
 */
export function onDayChanged(handler: (date: string) => void): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  listen<string>("day-changed", (e) => handler(e.payload)).then(
    (unlisten) => (stopped ? unlisten() : (stop = unlisten)),
    () => {},
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The roadmap format of a file name, from its extension; null when it is neither. */
export function roadmapFormatOf(name: string): RoadmapFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  if (lower.endsWith(".json")) return "json";
  return null;
}
