//! TypeScript bindings for every type that crosses to the UI, generated from the
//! Rust types so the two cannot drift. `ui/src/lib/bindings.ts` is written by
//! `UPDATE_BINDINGS=1 cargo test -p waymark-app bindings`, and the same test fails
//! when the committed file is stale.

use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr; $($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),*]
    };
}

/// The full text of `bindings.ts`.
pub fn typescript() -> String {
    use crate::ai;
    use crate::study_views as study;
    use crate::views::*;
    use waymark_core::{
        activity, availability, card, cards_csv, duration, goal, ids, outlook, planner, profile, question, quiz,
        reminder, roadmap, srs, stats, streak, task, templates,
    };
    let cfg = &Config::new().with_large_int("number");
    let decls = declarations![cfg;
        ids::GoalId, ids::RoadmapId, ids::StepId, ids::TaskId, ids::ActivityId,
        availability::WeekMinutes, availability::DayOff, profile::DayOffInput,
        goal::Difficulty, goal::GoalStatus, goal::Goal, goal::GoalInput,
        duration::HourEstimate,
        roadmap::ResourceKind, roadmap::Resource, roadmap::StepStatus, roadmap::Step, roadmap::StepInput,
        task::TaskStatus, task::Task,
        planner::Feasibility,
        outlook::TrackStatus, outlook::Fixes, outlook::Why, outlook::Outlook, outlook::FixChoice,
        streak::TodayState, streak::Streak,
        activity::ActivityKind, activity::Activity,
        templates::Template,
        Progress, GoalOverview, StepView, GoalView, TodayTask, TodayGoal, TodayView,
        MovedTask, SettingsView, SettingsInput, PlanView, crate::io::RoadmapFormat,
        ids::QuestionId, ids::TestId, ids::ReviewId,
        question::Choice, question::QuestionBody, question::Question, question::QuestionInput, question::Answer,
        question::Checked,
        srs::Rating, srs::CardState, srs::Memory, srs::SrsCard, srs::Optimized,
        quiz::TestStats, quiz::WeakAction, quiz::WeakStep, cards_csv::LineError,
        card::Card, card::Review, card::AnsweredQuestion, card::TestAttempt,
        study::CardView, study::RatedCard, study::TestQuestion, study::QuestionKind, study::TestState,
        study::TodayTest, study::GoalStudy, study::CardImport,
        ids::ReminderId, reminder::Weekday, reminder::ReminderKind, reminder::Reminder, reminder::ReminderInput,
        waymark_sync::Phase, waymark_sync::Progress, waymark_sync::SyncReport, crate::secrets::UriSource,
        crate::sync_views::SyncView, crate::sync_views::SyncRunView, crate::sync_views::FieldDifference,
        crate::sync_views::ConflictView, crate::sync_views::SyncProblemView, crate::sync::ConnectionCheck,
        reminder::QuietHours, reminder::DueReminder, reminder::OnceInput, crate::reminders::Notification,
        crate::reminders::PauseFor, crate::reminders::ReminderRow, crate::reminders::ReminderSettings,
        crate::reminder_words::TodaySummary, crate::words::OutlookView, crate::words::WeakStepView,
        stats::heatmap::DayMinutes, stats::heatmap::StudyFigures,
        stats::weekly::Compliance, stats::weekly::WeekFigures, stats::weekly::GoalWeeks, stats::weekly::WeeklyFigures,
        stats::verification::TestWeek, stats::verification::TestFigures,
        stats::revision::ReviewDay, stats::revision::RetentionMonth, stats::revision::DueDay,
        stats::revision::CardCounts, stats::revision::RevisionFigures,
        stats::goals::CategoryFigures, stats::goals::StepMonth, stats::goals::GoalFigures, stats::Stats,
        crate::export::CollectionImport, crate::export::ImportReport, crate::backups::BackupInfo,
        crate::backups::RestoreReport, crate::delete_all::DeletedData,
        crate::error::ErrorCode, crate::error::AppError,
        waymark_assistant::Preset, waymark_assistant::OutputMode, waymark_assistant::Finish,
        waymark_assistant::Problem, waymark_assistant::Proposed<question::QuestionInput>,
        ai::AssistantSource, ai::AssistantView, ai::AssistantInput, ai::AssistantCheck, ai::AcceptMode,
        ai::ReplyInfo, ai::ProposedStep, ai::PlanPreview, ai::RoadmapPreview, ai::QuestionsPreview, ai::FillOptions,
        ai::FillProgress, ai::FillStep, ai::FillReport, ai::AiEvent,
    ];
    let mut out = String::from("// Generated from the Rust types by waymark-app (bindings.rs). Do not edit.\n\n");
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
