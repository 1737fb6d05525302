//! Roadmap files in and out, and the calendar export.

use crate::support::*;
use waymark_app::ErrorCode;
use waymark_app::io::RoadmapFormat;

const MARKDOWN: &str = "# Learn Rust\n\n## Ownership\nDuration: 2 days\nBorrowing and lifetimes.\n- [The Book](https://doc.rust-lang.org/book/)\n\n## Traits\nDuration: 3 hours\n";

#[test]
fn a_markdown_roadmap_is_imported_planned_and_exported_back() {
    let mut t = TestApp::new();
    let g = t.app.create_goal(input("Rust", 7.0), None).unwrap().goal.id.0;
    let view = t.app.import_roadmap(&g, MARKDOWN, RoadmapFormat::Markdown).unwrap();
    let titles: Vec<&str> = view.steps.iter().map(|s| s.step.title.as_str()).collect();
    assert_eq!(titles, vec!["Ownership", "Traits"]);
    assert_eq!(view.steps[0].step.resources[0].url, "https://doc.rust-lang.org/book/");
    assert!(!view.upcoming.is_empty());
    assert_eq!(view.activities[0].kind, waymark_core::activity::ActivityKind::RoadmapImported);
    let md = t.app.export_roadmap(&g, RoadmapFormat::Markdown).unwrap();
    let json = t.app.export_roadmap(&g, RoadmapFormat::Json).unwrap();
    // Both exports import back into another goal with the same steps.
    let other = t.app.create_goal(input("Copy", 7.0), None).unwrap().goal.id.0;
    for (text, format) in [(md, RoadmapFormat::Markdown), (json, RoadmapFormat::Json)] {
        let copy = t.app.import_roadmap(&other, &text, format).unwrap();
        let a: Vec<_> = view.steps.iter().map(|s| (&s.step.title, &s.step.duration, &s.step.resources)).collect();
        let b: Vec<_> = copy.steps.iter().map(|s| (&s.step.title, &s.step.duration, &s.step.resources)).collect();
        assert_eq!(a, b);
    }
}

#[test]
fn a_bad_roadmap_file_names_the_line_and_changes_nothing() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let id = g.goal.id.as_str();
    let before = t.app.goal_view(id).unwrap();
    let err = t.app.import_roadmap(id, "## Ownership\nDuration: soon\n", RoadmapFormat::Markdown).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.starts_with("line 2"), "{}", err.message);
    let err = t
        .app
        .import_roadmap(
            id,
            "{\"format\":\"waymark-roadmap\",\"version\":1,\"steps\":[{\"title\":\"A\",\"duration\":3}]}",
            RoadmapFormat::Json,
        )
        .unwrap_err();
    assert!(err.message.contains("steps[0].duration"), "{}", err.message);
    assert_eq!(
        t.app.import_roadmap(id, "just words", RoadmapFormat::Markdown).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(t.app.goal_view(id).unwrap(), before);
}

#[test]
fn the_plan_exports_as_an_ics_calendar() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let ics = t.app.export_ics(Some(g.goal.id.as_str())).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let tasks = t.app.plan(g.goal.id.as_str()).unwrap().tasks;
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), tasks.len());
    assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{}", tasks[0].date.format("%Y%m%d"))));
    assert!(ics.lines().all(|l| l.len() <= 75));
    let all = t.app.export_ics(None).unwrap();
    assert_eq!(all.matches("BEGIN:VEVENT").count(), tasks.len());
}

/// Saving a roadmap names the file from the goal's id; an id that is not a
/// goal's — multi-byte characters included — is a clear error, not a panic.
#[test]
fn a_roadmap_is_saved_as_a_file_and_an_odd_id_is_an_error() {
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0).goal.id.0;
    for odd in ["ééééé", "日本語のゴール", ""] {
        let err = t.app.save_roadmap(odd, RoadmapFormat::Markdown).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{odd:?}: {}", err.message);
        assert!(err.message.contains("is not a goal id"), "{}", err.message);
    }
    let path = t.app.save_roadmap(&g, RoadmapFormat::Json).unwrap();
    assert!(path.ends_with(&format!("roadmap-{}.json", &g[..8])), "{path}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, t.app.export_roadmap(&g, RoadmapFormat::Json).unwrap());
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_file_over_its_size_cap_is_refused_before_it_is_parsed() {
    use waymark_app::limits::InputLimits;
    let mut t = TestApp::new();
    let g = t.goal_from("rust", 5.0);
    let id = g.goal.id.as_str();
    let export = t.app.export_data().unwrap();
    let markdown = t.app.export_roadmap(id, RoadmapFormat::Markdown).unwrap();
    let before = crate::data_files::documents(&t.app);
    let cap = 64;
    t.app.set_input_limits(InputLimits {
        export_bytes: cap,
        cards_bytes: cap,
        roadmap_bytes: cap,
        ..Default::default()
    });
    let refusals = [
        t.app.import_data(&export).unwrap_err(),
        t.app.preview_import(&export).unwrap_err(),
        t.app.import_roadmap(id, &markdown, RoadmapFormat::Markdown).unwrap_err(),
        t.app.import_cards(&"What is 2+2?,4\n".repeat(10), Some(id), true).unwrap_err(),
    ];
    for (err, what) in refusals.iter().zip(["An export file", "An export file", "A roadmap file", "A cards file"]) {
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("file")), "{err:?}");
        assert_eq!(
            err.message,
            format!("file: {what} may be at most 64 bytes; this one is larger, so nothing was read from it")
        );
    }
    assert_eq!(crate::data_files::documents(&t.app), before, "nothing changed");
    t.app.set_input_limits(InputLimits::default());
    t.app.import_roadmap(id, &markdown, RoadmapFormat::Markdown).unwrap();
}
