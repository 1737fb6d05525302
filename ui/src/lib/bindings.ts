// Generated from the Rust types by waymark-app (bindings.rs). Do not edit.

export type GoalId = string;

export type RoadmapId = string;

export type StepId = string;

export type TaskId = string;

export type Difficulty = "beginner" | "intermediate" | "advanced";

export type GoalStatus = "active" | "paused" | "completed" | "archived";

export type Goal = { 
/**
 * Its id.
 */
id: GoalId, 
/**
 * Short name, e.g. "Learn Rust".
 */
title: string, 
/**
 * Why and what, in the learner's words.
 */
description: string, 
/**
 * Free category, e.g. "Programming".
 */
category: string, 
/**
 * Expected difficulty.
 */
difficulty: Difficulty, 
/**
 * The day the learner wants to be done by.
 */
target_date: string | null, 
/**
 * Study hours available per week for this goal.
 */
hours_per_week: number, 
/**
 * Skills or tags.
 */
skills: Array<string>, 
/**
 * Goals to finish first.
 */
prerequisites: Array<GoalId>, 
/**
 * Where it stands.
 */
status: GoalStatus, 
/**
 * When it was created.
 */
created_at: string, 
/**
 * When it was completed, if it was.
 */
completed_at: string | null, };

export type GoalInput = { 
/**
 * Short name; required.
 */
title: string, 
/**
 * Optional description.
 */
description: string, 
/**
 * Optional category.
 */
category: string, 
/**
 * Difficulty (beginner by default).
 */
difficulty: Difficulty, 
/**
 * Optional target date; not in the past.
 */
target_date: string | null, 
/**
 * Hours per week, more than 0 and at most 168.
 */
hours_per_week: number, 
/**
 * Skills or tags.
 */
skills: Array<string>, };

export type HourEstimate = { 
/**
 * Hours at the lower bound.
 */
min: number, 
/**
 * Hours at the middle of the range: what the planner schedules.
 */
mid: number, 
/**
 * Hours at the upper bound.
 */
max: number, };

export type ResourceKind = "article" | "video" | "course" | "book" | "tutorial";

export type Resource = { 
/**
 * What the learner sees.
 */
title: string, 
/**
 * An http or https address.
 */
url: string, 
/**
 * The kind of material.
 */
kind: ResourceKind, };

export type StepStatus = "pending" | "in_progress" | "done";

export type Step = { 
/**
 * Its id, stable across edits and reorders.
 */
id: StepId, 
/**
 * Short name.
 */
title: string, 
/**
 * What to learn or do.
 */
description: string, 
/**
 * Duration text as the learner wrote it ("2 weeks", "1-3 months", "45 min").
 */
duration: string, 
/**
 * Hours per week for this step; the goal's when absent.
 */
weekly_hours: number | null, 
/**
 * Skills the step builds.
 */
skills: Array<string>, 
/**
 * Study material.
 */
resources: Array<Resource>, 
/**
 * Where it stands.
 */
status: StepStatus, };

export type StepInput = { 
/**
 * Short name; required.
 */
title: string, 
/**
 * Optional description.
 */
description: string, 
/**
 * Duration text; required and parseable.
 */
duration: string, 
/**
 * Optional hours per week for this step.
 */
weekly_hours: number | null, 
/**
 * Skills.
 */
skills: Array<string>, 
/**
 * Resources.
 */
resources: Array<Resource>, };

export type TaskStatus = "planned" | "done" | "skipped";

export type Task = { 
/**
 * Its id.
 */
id: TaskId, 
/**
 * The goal it serves.
 */
goal_id: GoalId, 
/**
 * The roadmap step it is a part of.
 */
step_id: StepId, 
/**
 * The day it is planned for.
 */
date: string, 
/**
 * What to do, e.g. "Ownership (part 2 of 3)".
 */
title: string, 
/**
 * Planned minutes.
 */
duration_minutes: number, 
/**
 * Order of the task within its goal's plan.
 */
seq: number, 
/**
 * Where it stands.
 */
status: TaskStatus, 
/**
 * Minutes actually spent, when recorded.
 */
time_spent_minutes: number | null, 
/**
 * When it was created.
 */
created_at: string, 
/**
 * When it was marked done or skipped.
 */
completed_at: string | null, };

export type Feasibility = "no_target" | "fits" | "past_target";

export type Template = { 
/**
 * Stable machine name, e.g. `rust`.
 */
name: string, 
/**
 * What the learner sees, e.g. "Learn Rust".
 */
title: string, 
/**
 * One sentence on what it covers.
 */
description: string, 
/**
 * Suggested goal category.
 */
category: string, 
/**
 * The steps in order.
 */
steps: Array<StepInput>, };

export type Progress = { 
/**
 * Tasks done.
 */
tasks_done: number, 
/**
 * All tasks (planned, done, skipped).
 */
tasks_total: number, 
/**
 * Minutes of done tasks (planned length).
 */
minutes_done: number, 
/**
 * Minutes of all tasks.
 */
minutes_total: number, };

export type GoalOverview = { 
/**
 * Progress over all its tasks.
 */
progress: Progress, 
/**
 * Number of roadmap steps.
 */
step_count: number, 
/**
 * The last planned day.
 */
finish_date: string | null, 
/**
 * Whether the plan ends by the target date.
 */
feasibility: Feasibility, 
/**
 * Its id.
 */
id: GoalId, 
/**
 * Short name, e.g. "Learn Rust".
 */
title: string, 
/**
 * Why and what, in the learner's words.
 */
description: string, 
/**
 * Free category, e.g. "Programming".
 */
category: string, 
/**
 * Expected difficulty.
 */
difficulty: Difficulty, 
/**
 * The day the learner wants to be done by.
 */
target_date: string | null, 
/**
 * Study hours available per week for this goal.
 */
hours_per_week: number, 
/**
 * Skills or tags.
 */
skills: Array<string>, 
/**
 * Goals to finish first.
 */
prerequisites: Array<GoalId>, 
/**
 * Where it stands.
 */
status: GoalStatus, 
/**
 * When it was created.
 */
created_at: string, 
/**
 * When it was completed, if it was.
 */
completed_at: string | null, };

export type StepView = { 
/**
 * Estimated hours from its duration text.
 */
estimate: HourEstimate, 
/**
 * Progress over its tasks.
 */
progress: Progress, 
/**
 * First planned day.
 */
first_date: string | null, 
/**
 * Last planned day.
 */
last_date: string | null, 
/**
 * Its id, stable across edits and reorders.
 */
id: StepId, 
/**
 * Short name.
 */
title: string, 
/**
 * What to learn or do.
 */
description: string, 
/**
 * Duration text as the learner wrote it ("2 weeks", "1-3 months", "45 min").
 */
duration: string, 
/**
 * Hours per week for this step; the goal's when absent.
 */
weekly_hours: number | null, 
/**
 * Skills the step builds.
 */
skills: Array<string>, 
/**
 * Study material.
 */
resources: Array<Resource>, 
/**
 * Where it stands.
 */
status: StepStatus, };

export type GoalView = { 
/**
 * The goal with its outlook.
 */
overview: GoalOverview, 
/**
 * The template the roadmap came from.
 */
template: string | null, 
/**
 * Steps in order.
 */
steps: Array<StepView>, 
/**
 * Total estimate over all steps.
 */
estimate: HourEstimate, 
/**
 * Tasks from today on (planned) and the latest settled ones, by date.
 */
upcoming: Array<Task>, };

export type TodayTask = { 
/**
 * Its id.
 */
id: TaskId, 
/**
 * Its goal.
 */
goal_id: GoalId, 
/**
 * The goal's title.
 */
goal_title: string, 
/**
 * Its step.
 */
step_id: StepId, 
/**
 * What to do.
 */
title: string, 
/**
 * The step's description.
 */
description: string, 
/**
 * Planned minutes.
 */
duration_minutes: number, 
/**
 * Where it stands.
 */
status: TaskStatus, 
/**
 * Minutes actually spent.
 */
time_spent_minutes: number | null, 
/**
 * The step's study material.
 */
resources: Array<Resource>, };

export type TodayGoal = { 
/**
 * The goal.
 */
id: GoalId, 
/**
 * Its title.
 */
title: string, 
/**
 * Its status.
 */
status: GoalStatus, 
/**
 * Minutes planned today.
 */
minutes_today: number, 
/**
 * Whether its plan ends by the target date.
 */
feasibility: Feasibility, 
/**
 * The last planned day.
 */
finish_date: string | null, };

export type TodayView = { 
/**
 * The day shown.
 */
date: string, 
/**
 * Its tasks across active goals.
 */
tasks: Array<TodayTask>, 
/**
 * Minutes planned.
 */
planned_minutes: number, 
/**
 * Minutes of done tasks.
 */
done_minutes: number, 
/**
 * Active goals with tasks today.
 */
goals: Array<TodayGoal>, 
/**
 * Number of active goals (for the empty state).
 */
active_goals: number, };

export type ErrorCode = "not_found" | "invalid_input" | "conflict" | "already_open" | "storage" | "system";

export type AppError = { 
/**
 * What kind of failure.
 */
code: ErrorCode, 
/**
 * What happened and what to do, for the learner.
 */
message: string, 
/**
 * The input field at fault, for `invalid_input`.
 */
field: string | null, };
