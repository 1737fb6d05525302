// Generated from the Rust types by waymark-app (bindings.rs). Do not edit.

export type GoalId = string;

export type RoadmapId = string;

export type StepId = string;

export type TaskId = string;

export type ActivityId = string;

export type WeekMinutes = [number, number, number, number, number, number, number];

export type DayOff = { 
/**
 * First day off.
 */
start: string, 
/**
 * Last day off (inclusive).
 */
end: string, 
/**
 * Why, in the learner's words ("Holiday in Rome").
 */
note: string, 
/**
 * The learner's date when it was declared.
 */
declared_on: string, };

export type DayOffInput = { 
/**
 * First day off.
 */
start: string | null, 
/**
 * Last day off; the start day when absent.
 */
end: string | null, 
/**
 * Optional note.
 */
note: string, };

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
 * Study hours available per week for this goal (the sum of `week_minutes`).
 */
hours_per_week: number, 
/**
 * Minutes available on each weekday, Monday first.
 */
week_minutes: WeekMinutes, 
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
 * Hours per week, more than 0 and at most 168; spread evenly over the week
 * unless `week_hours` is given.
 */
hours_per_week: number, 
/**
 * Hours per weekday, Monday first; when given, `hours_per_week` is their sum.
 */
week_hours: Array<number> | null, 
/**
 * Skills or tags.
 */
skills: Array<string>, 
/**
 * Goals to finish first (ids).
 */
prerequisites: Array<GoalId>, };

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
completed_at: string | null, 
/**
 * The learner's date when it was marked done or skipped (kept as it was
 * then, so a later time-zone change does not move it).
 */
completed_on: string | null, 
/**
 * Days it was planned for but not done, before it rolled forward.
 */
missed_dates: Array<string>, };

export type Feasibility = "no_target" | "fits" | "past_target";

export type TrackStatus = "on_track" | "at_risk" | "off_track" | "no_target" | "finished";

export type Fixes = { 
/**
 * Weekly hours (same weekday shape) that would finish by the target;
 * `None` when no amount of hours can.
 */
hours_per_week: number | null, 
/**
 * How many more hours a week than now that is; `None` with `hours_per_week`.
 */
extra_hours_per_week: number | null, 
/**
 * A target date the current plan meets: its last day.
 */
later_date: string, };

export type Why = { "kind": "nothing_planned" } | { "kind": "all_done" } | { "kind": "no_target_paced", 
/**
 * The forecast last day.
 */
finish: string, } | { "kind": "no_target_plan_ends", 
/**
 * The plan's last day.
 */
plan_end: string, } | { "kind": "no_target_nothing_scheduled" } | { "kind": "target_passed", 
/**
 * The target date.
 */
target: string, 
/**
 * Hours of work left.
 */
hours_left: number, } | { "kind": "no_study_days_left", 
/**
 * The target date.
 */
target: string, 
/**
 * The plan's last day.
 */
plan_end: string, } | { "kind": "cannot_fit", 
/**
 * Hours of work left.
 */
hours_left: number, 
/**
 * The target date.
 */
target: string, 
/**
 * The plan's last day.
 */
plan_end: string, } | { "kind": "needs_more_hours", 
/**
 * How many more hours a week.
 */
extra_hours: number, 
/**
 * The target date.
 */
target: string, } | { "kind": "pace_too_slow", 
/**
 * The recent pace, hours a week.
 */
pace_hours: number, 
/**
 * The forecast last day.
 */
finish: string, } | { "kind": "finishes_on_target", 
/**
 * The target date.
 */
target: string, } | { "kind": "finishes_early", 
/**
 * The plan's last day.
 */
finish: string, 
/**
 * Days between it and the target.
 */
days_early: number, } | { "kind": "nothing_scheduled", 
/**
 * The target date.
 */
target: string, };

export type Outlook = { 
/**
 * Hours done, rounded to 0.1.
 */
hours_done: number, 
/**
 * Hours done plus still open, rounded to 0.1.
 */
hours_total: number, 
/**
 * Share of hours done, 0..=1 (0 when nothing is planned).
 */
fraction_hours: number, 
/**
 * Steps done.
 */
steps_done: number, 
/**
 * Steps in all.
 */
steps_total: number, 
/**
 * Share of steps done, 0..=1 (0 without steps).
 */
fraction_steps: number, 
/**
 * Recent pace in hours a week, rounded to 0.1; `None` without enough history.
 */
pace_hours_per_week: number | null, 
/**
 * Likely last day of work.
 */
forecast_finish: string | null, 
/**
 * Where the goal stands.
 */
status: TrackStatus, 
/**
 * Why, as data; the facade puts it into words.
 */
why: Why, 
/**
 * Only when the target is infeasible with the current hours.
 */
fixes: Fixes | null, };

export type FixChoice = "more_hours" | "later_date";

export type TodayState = "kept" | "open" | "free" | "off";

export type Streak = { 
/**
 * Kept days counted back from today (today only once kept), across neutral
 * days, up to the last day that broke the streak.
 */
current: number, 
/**
 * The longest such run ever (at least `current`).
 */
longest: number, 
/**
 * Where today stands.
 */
today: TodayState, 
/**
 * All kept days up to today.
 */
kept_days: number, };

export type ActivityKind = "goal_created" | "roadmap_started" | "roadmap_imported" | "step_completed" | "task_completed" | "goal_completed" | "tasks_rolled_over" | "streak_milestone" | "test_passed" | "test_taken";

export type Activity = { 
/**
 * Its id (UUID v7, so ids sort by time).
 */
id: ActivityId, 
/**
 * What happened.
 */
kind: ActivityKind, 
/**
 * The goal it concerns, if any.
 */
goal_id: GoalId | null, 
/**
 * The step or task it concerns, if any.
 */
subject_id: string | null, 
/**
 * One line for the timeline, e.g. "Completed step Ownership".
 */
title: string, 
/**
 * When it happened.
 */
at: string, 
/**
 * The learner's date it happened on.
 */
date: string, 
/**
 * A number that goes with it: minutes for a task, tasks moved, streak days.
 */
value: number | null, };

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
 * Progress, forecast and on-track status.
 */
outlook: OutlookView, 
/**
 * Unfinished prerequisite goals without a plan (paused or archived) that
 * this goal waits for.
 */
waiting_on: Array<string>, 
/**
 * The day its plan starts when it waits for a prerequisite's plan to end.
 */
starts_on: string | null, 
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
 * Study hours available per week for this goal (the sum of `week_minutes`).
 */
hours_per_week: number, 
/**
 * Minutes available on each weekday, Monday first.
 */
week_minutes: WeekMinutes, 
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
upcoming: Array<Task>, 
/**
 * The goal's latest activity, newest first.
 */
activities: Array<Activity>, };

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
resources: Array<Resource>, 
/**
 * Days it was planned for before and not done (it rolled forward).
 */
missed_dates: Array<string>, };

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
finish_date: string | null, 
/**
 * Progress, forecast and on-track status.
 */
outlook: OutlookView, };

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
active_goals: number, 
/**
 * The learner's streak.
 */
streak: Streak, 
/**
 * Whether the day shown is a declared day off.
 */
day_off: DayOff | null, 
/**
 * The latest activity across goals, newest first.
 */
activities: Array<Activity>, 
/**
 * Revision cards due now.
 */
reviews_due: number, 
/**
 * Where the day's verification test stands.
 */
test_state: TestState, };

export type MovedTask = { 
/**
 * The task.
 */
task_id: TaskId, 
/**
 * Its goal.
 */
goal_id: GoalId, 
/**
 * The day it missed.
 */
from: string, 
/**
 * Its new day.
 */
to: string, };

export type SettingsView = { 
/**
 * The hour a new day starts (0–23).
 */
day_start_hour: number, 
/**
 * The learner's chosen time zone; `None` follows the computer.
 */
time_zone: string | null, 
/**
 * The zone in effect.
 */
zone_in_effect: string, 
/**
 * The computer's zone.
 */
system_zone: string, 
/**
 * The learner's date now.
 */
today: string, 
/**
 * Declared breaks.
 */
days_off: Array<DayOff>, 
/**
 * The share of right answers a daily test needs.
 */
pass_mark: number, 
/**
 * FSRS desired retention.
 */
desired_retention: number, 
/**
 * Whether FSRS weights were fitted to this learner.
 */
fsrs_optimized: boolean, };

export type SettingsInput = { 
/**
 * The hour a new day starts (0–23).
 */
day_start_hour: number, 
/**
 * An IANA time zone name; empty or `None` follows the computer.
 */
time_zone: string | null, };

export type PlanView = { 
/**
 * The goal with its outlook.
 */
overview: GoalOverview, 
/**
 * All its tasks by date (done, skipped and planned).
 */
tasks: Array<Task>, };

export type RoadmapFormat = "markdown" | "json";

export type QuestionId = string;

export type TestId = string;

export type ReviewId = string;

export type Choice = { 
/**
 * What the learner sees.
 */
text: string, 
/**
 * Whether this is the right option (exactly one is).
 */
correct: boolean, };

export type QuestionBody = { "kind": "multiple_choice", 
/**
 * The options, in the order shown.
 */
choices: Array<Choice>, } | { "kind": "true_false", 
/**
 * Whether the statement is true.
 */
answer: boolean, } | { "kind": "short_answer", 
/**
 * Answers that count as right.
 */
accepted: Array<string>, } | { "kind": "recall", 
/**
 * The answer shown after recalling.
 */
back: string, };

export type Question = { 
/**
 * Its id.
 */
id: QuestionId, 
/**
 * The goal it belongs to.
 */
goal_id: GoalId, 
/**
 * The roadmap step it checks; always set when `task_id` is.
 */
step_id: StepId | null, 
/**
 * The task it was written for, if any.
 */
task_id: TaskId | null, 
/**
 * What is asked.
 */
prompt: string, 
/**
 * The kind of question and its right answer.
 */
body: QuestionBody, 
/**
 * Shown after answering; may be empty.
 */
explanation: string, 
/**
 * Free tags.
 */
tags: Array<string>, 
/**
 * When it was written.
 */
created_at: string, 
/**
 * The model that wrote it, for a question the assistant generated and the
 * learner accepted; `None` for one written by hand, imported or from a
 * template (and for every question saved before the field existed).
 */
generated_by?: string, };

export type QuestionInput = { 
/**
 * What is asked; required.
 */
prompt: string, 
/**
 * The kind of question and its right answer.
 */
body: QuestionBody, 
/**
 * Optional explanation.
 */
explanation: string, 
/**
 * Optional tags.
 */
tags: Array<string>, 
/**
 * The step it checks.
 */
step_id: StepId | null, 
/**
 * The task it was written for.
 */
task_id: TaskId | null, };

export type Answer = { "kind": "choice", "value": number } | { "kind": "bool", "value": boolean } | { "kind": "text", "value": string } | { "kind": "self_grade", "value": boolean };

export type Checked = { 
/**
 * Whether the answer was right.
 */
correct: boolean, 
/**
 * The right answer as the learner should read it.
 */
expected: string, 
/**
 * The question's explanation (may be empty).
 */
explanation: string, };

export type Rating = "again" | "hard" | "good" | "easy";

export type CardState = "new" | "learning" | "review" | "relearning";

export type Memory = { 
/**
 * Days until the chance of recall falls to 90%.
 */
stability: number, 
/**
 * How hard the card is to remember, from 1 (easy) to 10 (hard).
 */
difficulty: number, };

export type SrsCard = { 
/**
 * Where it is in its life.
 */
state: CardState, 
/**
 * Its memory state; `None` until the first review.
 */
memory: Memory | null, 
/**
 * When it should be shown next.
 */
due: string, 
/**
 * When it was last reviewed.
 */
last_review: string | null, 
/**
 * How many times it was reviewed.
 */
reps: number, 
/**
 * How many times it was forgotten after it had been remembered.
 */
lapses: number, };

export type Optimized = { 
/**
 * The weights to use from now on: the fitted ones, or the current ones
 * unchanged when the fit does not predict the history better.
 */
weights: Array<number>, 
/**
 * How badly the current weights predict the history (log loss; lower is better).
 */
log_loss_before: number, 
/**
 * How badly [`Optimized::weights`] predict it.
 */
log_loss_after: number, 
/**
 * How many reviews the history held.
 */
reviews: number, };

export type TestStats = { 
/**
 * Days with at least one test.
 */
total: number, 
/**
 * Days whose best attempt passed.
 */
passed: number, 
/**
 * Days whose best attempt failed.
 */
failed: number, 
/**
 * Mean of the days' best scores, 0 to 1; 0 when there are none.
 */
average_score: number, 
/**
 * Days whose best attempt had every answer right.
 */
perfect: number, };

export type WeakAction = "review_now" | "restudy_step";

export type WeakStep = { 
/**
 * The step.
 */
step_id: StepId, 
/**
 * Its questions that failed in 2 or more of their last 3 tests.
 */
failing_questions: number, 
/**
 * Its cards' mean recall in whole percent (rounded down), when under
 * [`WEAK_RETRIEVABILITY`].
 */
fading_recall_percent: number | null, 
/**
 * What to do.
 */
action: WeakAction, };

export type LineError = { 
/**
 * The line the row starts on (1-based).
 */
line: number, 
/**
 * What is wrong, starting with the line, e.g. "line 7: the back is empty".
 */
message: string, };

export type Card = { 
/**
 * Its FSRS schedule.
 */
srs: SrsCard, 
/**
 * Its id.
 */
id: QuestionId, 
/**
 * The goal it belongs to.
 */
goal_id: GoalId, 
/**
 * The roadmap step it checks; always set when `task_id` is.
 */
step_id: StepId | null, 
/**
 * The task it was written for, if any.
 */
task_id: TaskId | null, 
/**
 * What is asked.
 */
prompt: string, 
/**
 * The kind of question and its right answer.
 */
body: QuestionBody, 
/**
 * Shown after answering; may be empty.
 */
explanation: string, 
/**
 * Free tags.
 */
tags: Array<string>, 
/**
 * When it was written.
 */
created_at: string, 
/**
 * The model that wrote it, for a question the assistant generated and the
 * learner accepted; `None` for one written by hand, imported or from a
 * template (and for every question saved before the field existed).
 */
generated_by?: string, };

export type Review = { 
/**
 * Its id.
 */
id: ReviewId, 
/**
 * The card.
 */
card_id: QuestionId, 
/**
 * The card's goal.
 */
goal_id: GoalId, 
/**
 * Again, Hard, Good or Easy.
 */
rating: Rating, 
/**
 * When it was rated.
 */
at: string, 
/**
 * The card's state before the rating.
 */
state_before: CardState, 
/**
 * Whole days since the card's previous review.
 */
elapsed_days: number, 
/**
 * Days until the card is due again.
 */
scheduled_days: number, 
/**
 * How long the learner took, when measured.
 */
duration_ms: number | null, };

export type AnsweredQuestion = { 
/**
 * The question.
 */
question_id: QuestionId, 
/**
 * Its step, if any.
 */
step_id: StepId | null, 
/**
 * The learner's answer.
 */
answer: Answer, 
/**
 * Whether it was right.
 */
correct: boolean, };

export type TestAttempt = { 
/**
 * Its id.
 */
id: TestId, 
/**
 * The learner's date it verifies.
 */
date: string, 
/**
 * The goals whose material it covered.
 */
goal_ids: Array<GoalId>, 
/**
 * The questions asked, in order.
 */
question_ids: Array<QuestionId>, 
/**
 * The answers given.
 */
answers: Array<AnsweredQuestion>, 
/**
 * Share right, 0..=1.
 */
score: number, 
/**
 * Whether the score reached the pass mark.
 */
passed: boolean, 
/**
 * The pass mark in effect.
 */
pass_mark: number, 
/**
 * When it was handed in.
 */
completed_at: string, };

export type CardView = { 
/**
 * Its id.
 */
id: QuestionId, 
/**
 * The question.
 */
question: Question, 
/**
 * The goal's title.
 */
goal_title: string, 
/**
 * When it is due.
 */
due: string, 
/**
 * FSRS stability in days (`None` for a new card).
 */
stability: number | null, 
/**
 * FSRS difficulty 1–10 (`None` for a new card).
 */
difficulty: number | null, 
/**
 * New, learning, review or relearning.
 */
state: CardState, 
/**
 * Reviews so far.
 */
reps: number, 
/**
 * Times forgotten.
 */
lapses: number, 
/**
 * The next interval in days for Again, Hard, Good, Easy (filled for the
 * card shown next, to label the rating buttons).
 */
next_intervals: [number, number, number, number] | null, };

export type RatedCard = { 
/**
 * Its id.
 */
id: QuestionId, 
/**
 * When it is due next.
 */
due: string, 
/**
 * New stability in days.
 */
stability: number, 
/**
 * New difficulty.
 */
difficulty: number, 
/**
 * Reviews so far.
 */
reps: number, 
/**
 * Times forgotten.
 */
lapses: number, 
/**
 * Days until due (a fraction for a same-day re-show).
 */
interval_days: number, 
/**
 * Its state now.
 */
state: CardState, };

export type TestQuestion = { 
/**
 * Its id.
 */
id: QuestionId, 
/**
 * Its step.
 */
step_id: StepId | null, 
/**
 * What is asked.
 */
prompt: string, 
/**
 * The kind of answer expected.
 */
kind: QuestionKind, 
/**
 * The choices of a multiple-choice question (texts only).
 */
choices: Array<string>, 
/**
 * The back of a recall card, shown after the learner tried.
 */
back: string | null, };

export type QuestionKind = "multiple_choice" | "true_false" | "short_answer" | "recall";

export type TestState = "nothing_to_test" | "no_questions" | "ready" | "passed" | "failed";

export type TodayTest = { 
/**
 * The learner's date.
 */
date: string, 
/**
 * Where it stands.
 */
state: TestState, 
/**
 * The questions of the next attempt (3–10 when enough exist).
 */
questions: Array<TestQuestion>, 
/**
 * The pass mark.
 */
pass_mark: number, 
/**
 * Attempts made today, oldest first.
 */
attempts: Array<TestAttempt>, 
/**
 * The best score today.
 */
best_score: number | null, };

export type GoalStudy = { 
/**
 * The goal.
 */
goal_id: GoalId, 
/**
 * Test totals (each day counted by its best attempt).
 */
stats: TestStats, 
/**
 * Pass rate per week (Monday), oldest first.
 */
pass_rate_by_week: Array<[string, number]>, 
/**
 * Steps that need attention.
 */
weak_steps: Array<WeakStepView>, 
/**
 * Its cards.
 */
cards: Array<Card>, 
/**
 * Cards due now.
 */
due_now: number, };

export type CardImport = { 
/**
 * Cards written (0 when the learner still has to confirm).
 */
imported: number, 
/**
 * Valid rows in the file.
 */
valid: number, 
/**
 * Rows that could not be read.
 */
errors: Array<LineError>, 
/**
 * True when nothing was written because some rows failed and the import
 * was not confirmed.
 */
needs_confirmation: boolean, };

export type ReminderId = string;

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type ReminderKind = { "kind": "daily", 
/**
 * Wall-clock times in the learner's zone, ascending.
 */
times: Array<string>, 
/**
 * The learner days it rings on, Monday first.
 */
days: Array<Weekday>, } | { "kind": "reviews_due", 
/**
 * How many due reviews it takes (at least 1).
 */
threshold: number, 
/**
 * The least minutes between two of these reminders (at least 15).
 */
every_minutes: number, 
/**
 * If set, it rings only from this time of the learner day on.
 */
at_or_after: string | null, } | { "kind": "streak_at_risk", 
/**
 * Wall-clock time in the learner's zone.
 */
time: string, } | { "kind": "at", 
/**
 * When it rings.
 */
at: string, 
/**
 * The goal it is about, if any.
 */
goal_id: GoalId | null, 
/**
 * The task it is about, if any.
 */
task_id: TaskId | null, 
/**
 * What to remind of, in the learner's words.
 */
note: string, };

export type Reminder = { 
/**
 * Its id.
 */
id: ReminderId, 
/**
 * What it is about and when it rings.
 */
kind: ReminderKind, 
/**
 * Whether it rings at all.
 */
enabled: boolean, 
/**
 * Slots up to this instant are done: rung, or passed while disabled.
 */
last_fired_at: string | null, 
/**
 * Silent until then; then it rings once more (if its condition holds).
 */
snoozed_until: string | null, 
/**
 * When it was created; earlier slots never ring.
 */
created_at: string, };

export type ReminderInput = { 
/**
 * What it is about and when it rings.
 */
kind: ReminderKind, };

export type SyncPhase = "join" | "pull" | "push";

export type SyncProgress = { 
/**
 * The step.
 */
phase: SyncPhase, 
/**
 * Documents done in this step.
 */
done: number, 
/**
 * Documents in this step when known (a push knows, a pull does not).
 */
total: number | null, };

export type SyncReport = { 
/**
 * Documents sent to the remote.
 */
pushed: number, 
/**
 * Remote documents applied or found already present.
 */
pulled: number, 
/**
 * Conflicts found (losing versions kept in the conflicts list).
 */
conflicts: number, 
/**
 * Local changes the remote refused because it holds a newer version:
 * they stay queued; the next pull records the conflict.
 */
deferred: number, 
/**
 * Remote documents that could not be applied (not a document this
 * Waymark reads, or stamped too far ahead): kept aside in the quarantine.
 */
invalid: number, 
/**
 * Documents kept aside earlier that applied this time (and left the quarantine).
 */
released: number, 
/**
 * Tombstones removed for good (the remote holds them).
 */
purged: number, 
/**
 * Requests sent to the remote.
 */
round_trips: number, 
/**
 * Whether this run joined the remote (first sync or a new remote).
 */
joined: boolean, 
/**
 * When it started.
 */
started_at: string, 
/**
 * When it ended.
 */
finished_at: string, };

export type UriSource = "keyring" | "environment";

export type SyncView = { 
/**
 * Whether sync runs.
 */
enabled: boolean, 
/**
 * The remote database name.
 */
database: string, 
/**
 * The connection string in use, password replaced by `***`.
 */
uri: string | null, 
/**
 * Where the connection string comes from.
 */
uri_source: UriSource | null, 
/**
 * Why the OS keyring cannot be used, in words (then only
 * `WAYMARK_SYNC_URI` works).
 */
keyring_problem: string | null, 
/**
 * When the last sync succeeded.
 */
last_success: string | null, 
/**
 * When the last sync was tried.
 */
last_attempt: string | null, 
/**
 * Local changes waiting to be sent.
 */
pending: number, 
/**
 * The last sync's error, in words; `None` after a success.
 */
last_error: string | null, };

export type SyncRunView = { 
/**
 * When it started.
 */
started_at: string, 
/**
 * When it ended.
 */
finished_at: string | null, 
/**
 * Documents sent.
 */
pushed: number, 
/**
 * Documents received.
 */
pulled: number, 
/**
 * Conflicts found.
 */
conflicts: number, 
/**
 * Received documents kept aside (Sync → Problems).
 */
kept_aside: number, 
/**
 * Its error, in words, when it failed.
 */
error: string | null, };

export type FieldDifference = { 
/**
 * The field's name.
 */
field: string, 
/**
 * Its value in the version kept (now stored).
 */
kept: string, 
/**
 * Its value in the version not kept.
 */
other: string, };

export type ConflictView = { 
/**
 * The conflict's id (restore or dismiss it by this).
 */
id: string, 
/**
 * The collection, e.g. "goals".
 */
collection: string, 
/**
 * The document's id.
 */
doc_id: string, 
/**
 * What it is, for a person: "Goal “Learn Rust”".
 */
label: string, 
/**
 * When sync found it.
 */
recorded_at: string, 
/**
 * The fields that differ (sync stamps left out).
 */
differences: Array<FieldDifference>, };

export type SyncProblemView = { 
/**
 * Its key (`collection/id`).
 */
id: string, 
/**
 * The collection, e.g. "goals".
 */
collection: string, 
/**
 * The document's id.
 */
doc_id: string, 
/**
 * What it is, for a person: "Goal “Learn Rust”".
 */
label: string, 
/**
 * Why it was not applied.
 */
reason: string, 
/**
 * When it first came.
 */
first_seen: string, 
/**
 * When it was last tried (every sync tries again).
 */
last_tried: string, 
/**
 * How many times it was tried.
 */
tries: number, };

export type ConnectionCheck = { 
/**
 * One sentence for the learner.
 */
message: string, };

export type QuietHours = { 
/**
 * When the quiet begins.
 */
start: string, 
/**
 * When it ends.
 */
end: string, };

export type DueReminder = { 
/**
 * The reminder.
 */
id: ReminderId, 
/**
 * The slot it rings for: the latest pending one (now for reviews due).
 * Pass it to [`Reminder::record_fired`] once the notification is sent.
 */
slot: string, 
/**
 * Pending slots that were not rung in time (more than [`CATCH_UP_HOURS`]
 * after they were due, or superseded by `slot`), collapsed into this one.
 */
missed: number, 
/**
 * Whether even `slot` is late: the notification is a catch-up ("you missed
 * N reminders") rather than the reminder itself.
 */
catch_up: boolean, 
/**
 * What the reminder is about.
 */
kind: ReminderKind, };

export type OnceInput = { 
/**
 * The wall-clock date and time it rings, in the learner's zone.
 */
at: string, 
/**
 * The goal it is about, if any.
 */
goal_id: GoalId | null, 
/**
 * The task it is about, if any.
 */
task_id: TaskId | null, 
/**
 * What to remind of, in the learner's words.
 */
note: string, };

export type Notification = { 
/**
 * The notification title.
 */
title: string, 
/**
 * The notification body.
 */
body: string, 
/**
 * The screen a click opens (`#/today`, `#/review`, `#/goal/<id>`).
 */
route: string, 
/**
 * The reminder.
 */
id: ReminderId, 
/**
 * The slot it rings for: the latest pending one (now for reviews due).
 * Pass it to [`Reminder::record_fired`] once the notification is sent.
 */
slot: string, 
/**
 * Pending slots that were not rung in time (more than [`CATCH_UP_HOURS`]
 * after they were due, or superseded by `slot`), collapsed into this one.
 */
missed: number, 
/**
 * Whether even `slot` is late: the notification is a catch-up ("you missed
 * N reminders") rather than the reminder itself.
 */
catch_up: boolean, 
/**
 * What the reminder is about.
 */
kind: ReminderKind, };

export type PauseFor = "hour" | "until_tomorrow";

export type ReminderRow = { 
/**
 * The reminder.
 */
reminder: Reminder, 
/**
 * When it may ring next (for reviews due: when it looks again), if ever.
 */
next_at: string | null, 
/**
 * When it rang, if that was recently enough to snooze it.
 */
rang_at: string | null, 
/**
 * Silent until then, while snoozed.
 */
snoozed_until: string | null, 
/**
 * For a one-off: the task or goal it is about, by title.
 */
about: string | null, };

export type ReminderSettings = { 
/**
 * The reminders, oldest first.
 */
reminders: Array<ReminderRow>, 
/**
 * The quiet hours, if any.
 */
quiet_hours: QuietHours | null, 
/**
 * Every reminder is silent until then, while paused.
 */
paused_until: string | null, 
/**
 * The time zone reminder times are read in.
 */
time_zone: string, };

export type TodaySummary = { 
/**
 * The heading.
 */
title: string, 
/**
 * One line: tasks and minutes, reviews, the test and the streak.
 */
body: string, };

export type OutlookView = { 
/**
 * One line for the learner, from `outlook.why`.
 */
reason: string, 
/**
 * Hours done, rounded to 0.1.
 */
hours_done: number, 
/**
 * Hours done plus still open, rounded to 0.1.
 */
hours_total: number, 
/**
 * Share of hours done, 0..=1 (0 when nothing is planned).
 */
fraction_hours: number, 
/**
 * Steps done.
 */
steps_done: number, 
/**
 * Steps in all.
 */
steps_total: number, 
/**
 * Share of steps done, 0..=1 (0 without steps).
 */
fraction_steps: number, 
/**
 * Recent pace in hours a week, rounded to 0.1; `None` without enough history.
 */
pace_hours_per_week: number | null, 
/**
 * Likely last day of work.
 */
forecast_finish: string | null, 
/**
 * Where the goal stands.
 */
status: TrackStatus, 
/**
 * Why, as data; the facade puts it into words.
 */
why: Why, 
/**
 * Only when the target is infeasible with the current hours.
 */
fixes: Fixes | null, };

export type WeakStepView = { 
/**
 * Why it is weak, as the learner reads it.
 */
reason: string, 
/**
 * The step.
 */
step_id: StepId, 
/**
 * Its questions that failed in 2 or more of their last 3 tests.
 */
failing_questions: number, 
/**
 * Its cards' mean recall in whole percent (rounded down), when under
 * [`WEAK_RETRIEVABILITY`].
 */
fading_recall_percent: number | null, 
/**
 * What to do.
 */
action: WeakAction, };

export type DayMinutes = { 
/**
 * The learner date.
 */
date: string, 
/**
 * Minutes studied.
 */
minutes: number, };

export type StudyFigures = { 
/**
 * The first date shown: the day after the same date a year before today.
 */
from: string, 
/**
 * The last date shown: today.
 */
to: string, 
/**
 * Every date from `from` to `to`, oldest first.
 */
days: Array<DayMinutes>, 
/**
 * Minutes studied over those dates.
 */
total_minutes: number, 
/**
 * Dates with any minutes studied.
 */
active_days: number, 
/**
 * The date with the most minutes (the earliest of equals); `None` without study.
 */
best_day: DayMinutes | null, 
/**
 * The streak (current and longest), by the rule of [`crate::streak`].
 */
streak: Streak, };

export type Compliance = "on_track" | "at_risk" | "off_track" | "no_plan";

export type WeekFigures = { 
/**
 * Its Monday.
 */
week: string, 
/**
 * Minutes studied in it (by the date tasks were done).
 */
studied_minutes: number, 
/**
 * Minutes planned in it (see the module's rules).
 */
planned_minutes: number, 
/**
 * Of those, the minutes done.
 */
done_minutes: number, 
/**
 * Tasks planned in it.
 */
planned_tasks: number, 
/**
 * Of those, the tasks done.
 */
done_tasks: number, 
/**
 * Done over planned minutes, 0..=1; `None` when nothing was planned.
 */
share: number | null, 
/**
 * The status from the share.
 */
status: Compliance, 
/**
 * The current week: only counted up to today.
 */
partial: boolean, };

export type GoalWeeks = { 
/**
 * The goal.
 */
goal_id: GoalId, 
/**
 * Its title.
 */
title: string, 
/**
 * Minutes per week, one per entry of [`WeeklyFigures::weeks`].
 */
minutes: Array<number>, };

export type WeeklyFigures = { 
/**
 * The weeks.
 */
weeks: Array<WeekFigures>, 
/**
 * Minutes per week of each goal studied in them, in the order of the goals given.
 */
by_goal: Array<GoalWeeks>, 
/**
 * [`ON_TRACK_SHARE`], for the chart's threshold line.
 */
on_track_share: number, 
/**
 * [`AT_RISK_SHARE`], for the chart's threshold line.
 */
at_risk_share: number, };

export type TestWeek = { 
/**
 * Its Monday.
 */
week: string, 
/**
 * Dates tested.
 */
tested: number, 
/**
 * Dates whose best attempt passed.
 */
passed: number, 
/**
 * Dates whose best attempt had every answer right.
 */
perfect: number, 
/**
 * Passed over tested, 0..=1; `None` without a test.
 */
pass_rate: number | null, 
/**
 * Mean best score of the dates tested, 0..=1; `None` without a test.
 */
average_score: number | null, };

export type TestFigures = { 
/**
 * All-time totals.
 */
totals: TestStats, 
/**
 * The last [`WEEKS`] weeks, oldest first.
 */
weeks: Array<TestWeek>, };

export type ReviewDay = { 
/**
 * The learner date.
 */
date: string, 
/**
 * Rated Again.
 */
again: number, 
/**
 * Rated Hard.
 */
hard: number, 
/**
 * Rated Good.
 */
good: number, 
/**
 * Rated Easy.
 */
easy: number, };

export type RetentionMonth = { 
/**
 * Its first day.
 */
month: string, 
/**
 * Reviews of cards in the Review state.
 */
reviews: number, 
/**
 * Of those, the ones not rated Again.
 */
recalled: number, 
/**
 * Recalled over reviews, 0..=1; `None` without such reviews.
 */
retention: number | null, };

export type DueDay = { 
/**
 * The learner date.
 */
date: string, 
/**
 * Cards due (on today: overdue ones too).
 */
cards: number, };

export type CardCounts = { 
/**
 * Never reviewed.
 */
new: number, 
/**
 * Failed on their first reviews.
 */
learning: number, 
/**
 * Remembered, due after an interval.
 */
review: number, 
/**
 * Forgotten after being remembered.
 */
relearning: number, };

export type RevisionFigures = { 
/**
 * Reviews per date over the last [`REVIEW_DAYS`] days, oldest first.
 */
days: Array<ReviewDay>, 
/**
 * True retention per month over the last [`MONTHS`] months, oldest first.
 */
months: Array<RetentionMonth>, 
/**
 * True retention over those months together; `None` without reviews of review cards.
 */
retention: number | null, 
/**
 * Cards due on each of the next [`FORECAST_DAYS`] days, today first.
 */
forecast: Array<DueDay>, 
/**
 * Cards by state.
 */
cards: CardCounts, };

export type CategoryFigures = { 
/**
 * The category as the learner wrote it (empty: none given).
 */
category: string, 
/**
 * Goals in it.
 */
goals: number, 
/**
 * Of those, the completed ones.
 */
completed: number, };

export type StepMonth = { 
/**
 * Its first day.
 */
month: string, 
/**
 * Steps completed.
 */
steps: number, };

export type GoalFigures = { 
/**
 * Goals in all.
 */
total: number, 
/**
 * Completed goals.
 */
completed: number, 
/**
 * By category, the largest first (then by name; categories differing only
 * in letter case are one).
 */
categories: Array<CategoryFigures>, 
/**
 * Mean learner days from creation to completion; `None` before a goal is completed.
 */
average_days_to_complete: number | null, 
/**
 * Steps completed per month over the last [`MONTHS`] months, oldest first.
 */
steps_by_month: Array<StepMonth>, };

export type Stats = { 
/**
 * The learner's date they were computed for.
 */
today: string, 
/**
 * Minutes studied per day and the streak.
 */
study: StudyFigures, 
/**
 * Time per week by goal, and plan compliance.
 */
weekly: WeeklyFigures, 
/**
 * Verification tests.
 */
tests: TestFigures, 
/**
 * Revision.
 */
revision: RevisionFigures, 
/**
 * Goals.
 */
goals: GoalFigures, };

export type CollectionImport = { 
/**
 * The collection, e.g. `goals`.
 */
collection: string, 
/**
 * Documents the store did not have.
 */
added: number, 
/**
 * Documents the store had in an older version.
 */
updated: number, 
/**
 * Documents the store had as new or newer.
 */
skipped: number, };

export type ImportReport = { 
/**
 * When the file was exported.
 */
exported_at: string, 
/**
 * The Waymark version that wrote it.
 */
app_version: string, 
/**
 * The store was empty: everything went in as it was, with the file's user id.
 */
into_empty: boolean, 
/**
 * Per collection, in apply order.
 */
collections: Array<CollectionImport>, 
/**
 * Documents added, over all collections.
 */
added: number, 
/**
 * Documents updated.
 */
updated: number, 
/**
 * Documents skipped.
 */
skipped: number, 
/**
 * Whether anything was written (false for a preview).
 */
written: boolean, };

export type BackupInfo = { 
/**
 * Its id: the file name without `.json.gz`, e.g. `waymark-20260302-120000`.
 */
id: string, 
/**
 * When it was taken (from its name, to the second).
 */
taken_at: string, 
/**
 * The file's size on disk.
 */
size_bytes: number, 
/**
 * Documents per collection, tombstones included (empty when unreadable).
 */
counts: { [key in string]: number }, 
/**
 * Documents in all.
 */
total: number, 
/**
 * Whether its header could be read; an unreadable backup cannot be restored.
 */
readable: boolean, };

export type RestoreReport = { 
/**
 * The backup now in the store.
 */
restored: BackupInfo, 
/**
 * The backup of the state before the restore (none when the store was empty).
 */
safety_backup: BackupInfo | null, };

export type DeletedData = { 
/**
 * Documents removed per collection (tombstones included).
 */
documents: { [key in string]: number }, 
/**
 * Documents removed in all.
 */
total: number, 
/**
 * Backup files deleted.
 */
backups: number, };

export type ErrorCode = "not_found" | "invalid_input" | "conflict" | "already_open" | "storage" | "system" | "sync_unreachable" | "sync_auth" | "sync_tls" | "sync_server" | "no_keyring" | "assistant_off" | "assistant_unreachable" | "assistant_auth" | "assistant_not_found" | "assistant_busy" | "assistant_tls" | "assistant_server" | "cancelled";

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

export type Preset = { 
/**
 * The server's name.
 */
name: string, 
/**
 * Its API base on this machine.
 */
base_url: string, };

export type OutputMode = "json_schema" | "json_object" | "prompt_only";

export type Finish = "stop" | "length" | { "other": string };

export type Problem = { 
/**
 * The 1-based item at fault; `None` for the reply as a whole.
 */
item: number | null, 
/**
 * The field at fault (`duration`, `url`, `choices`, …), when known.
 */
field: string | null, 
/**
 * The whole sentence, naming the item ("step 3: duration: …").
 */
message: string, };

export type Proposed<T> = { 
/**
 * Its place in the reply (problems name the same numbers).
 */
item: number, 
/**
 * The item, validated and normalised.
 */
value: T, };

export type AssistantSource = "settings" | "environment";

export type AssistantView = { 
/**
 * Whether an endpoint and a model are set (the assistant is off until then).
 */
configured: boolean, 
/**
 * The API base in use.
 */
base_url: string | null, 
/**
 * The model in use.
 */
model: string | null, 
/**
 * Whether an API key is set.
 */
key_set: boolean, 
/**
 * Where the key comes from.
 */
key_source: UriSource | null, 
/**
 * Where the endpoint comes from.
 */
source: AssistantSource | null, 
/**
 * Whether the endpoint is on this machine (nothing leaves it).
 */
local: boolean, 
/**
 * The host requests go to.
 */
host: string | null, 
/**
 * A warning when requests cross the network unencrypted (plain http to another machine).
 */
plain_http_warning: string | null, 
/**
 * What will be sent to which host, for an endpoint that is not on this machine.
 */
notice: string | null, 
/**
 * Whether the learner acknowledged the notice for this host (always true
 * for a local endpoint and for one the environment gives).
 */
acknowledged: boolean, 
/**
 * The output mode the server took last (`json_schema`, `json_object`, `prompt_only`).
 */
output_mode: OutputMode | null, 
/**
 * Why the OS keyring cannot be used, in words (then only `WAYMARK_AI_KEY` works).
 */
keyring_problem: string | null, };

export type AssistantInput = { 
/**
 * The API base, e.g. `http://127.0.0.1:11434/v1`.
 */
base_url: string, 
/**
 * The model name, as the server lists it.
 */
model: string, 
/**
 * `None` keeps the key already set; an empty string removes it; any
 * other text is kept in the OS keyring.
 */
key: string | null, };

export type AssistantCheck = { 
/**
 * The models the server offers.
 */
models: Array<string>, 
/**
 * Whether the configured model is among them.
 */
model_listed: boolean, 
/**
 * What the model answered to a tiny request.
 */
reply: string, 
/**
 * How long the tiny request took, in milliseconds.
 */
reply_ms: number, 
/**
 * One sentence for the learner.
 */
message: string, };

export type AcceptMode = "replace" | "append";

export type ReplyInfo = { 
/**
 * The model that wrote it.
 */
model: string, 
/**
 * The reply's text.
 */
text: string, 
/**
 * How it was asked for.
 */
output_mode: OutputMode, 
/**
 * Why the model stopped (`length`: cut at the token limit).
 */
finish: Finish, 
/**
 * The learner's fields shortened to fit the context budget.
 */
shortened: Array<string>, };

export type ProposedStep = { 
/**
 * Its 1-based place in the reply (problems name the same numbers).
 */
item: number, 
/**
 * The step, checked and normalised: editable, and what Accept takes back.
 */
step: StepInput, 
/**
 * Its hours, as the goal screen estimates them.
 */
estimate: HourEstimate, };

export type PlanPreview = { 
/**
 * How the steps would join the roadmap.
 */
mode: AcceptMode, 
/**
 * The roadmap's steps after accepting.
 */
step_count: number, 
/**
 * Their total estimate.
 */
estimate: HourEstimate, 
/**
 * The last planned day.
 */
finish_date: string | null, 
/**
 * Whether the plan would end by the target date.
 */
feasibility: Feasibility, 
/**
 * Progress, forecast and on-track status.
 */
outlook: OutlookView, };

export type RoadmapPreview = { 
/**
 * The goal it is for.
 */
goal_id: GoalId, 
/**
 * The valid steps.
 */
steps: Array<ProposedStep>, 
/**
 * What was wrong, per step or with the whole reply.
 */
problems: Array<Problem>, 
/**
 * The plan if the valid steps replaced the roadmap.
 */
replace: PlanPreview, 
/**
 * The plan if they were appended.
 */
append: PlanPreview, 
/**
 * The reply as the model wrote it.
 */
reply: ReplyInfo, };

export type QuestionsPreview = { 
/**
 * The goal of the step.
 */
goal_id: GoalId, 
/**
 * The step they are for.
 */
step_id: StepId, 
/**
 * The step's title.
 */
step_title: string, 
/**
 * The valid questions (naming the step): editable, and what Accept takes back.
 */
questions: Array<Proposed<QuestionInput>>, 
/**
 * What was wrong, per question or with the whole reply.
 */
problems: Array<Problem>, 
/**
 * The reply as the model wrote it.
 */
reply: ReplyInfo, };

export type FillOptions = { 
/**
 * Questions per step (the default, 5, when 0).
 */
count: number, 
/**
 * The kinds allowed (every kind when empty).
 */
kinds: Array<QuestionKind>, 
/**
 * Whether each step's valid questions are written (otherwise this only previews).
 */
accept: boolean, };

export type FillProgress = { 
/**
 * Steps finished.
 */
done: number, 
/**
 * Steps to fill.
 */
total: number, 
/**
 * The step asked for now (`None` once all are done).
 */
step_id: StepId | null, 
/**
 * Its title.
 */
step_title: string | null, };

export type FillStep = { 
/**
 * The step.
 */
step_id: StepId, 
/**
 * Its title.
 */
step_title: string, 
/**
 * The valid questions the model wrote.
 */
questions: Array<QuestionInput>, 
/**
 * Questions written (0 without `accept`).
 */
accepted: number, 
/**
 * What was wrong with the reply.
 */
problems: Array<Problem>, };

export type FillReport = { 
/**
 * Per step, in roadmap order.
 */
steps: Array<FillStep>, 
/**
 * Questions written in all.
 */
accepted: number, };

export type AiEvent = { "kind": "delta", 
/**
 * The new text.
 */
text: string, } | { "kind": "progress", 
/**
 * Where it stands.
 */
progress: FillProgress, };
