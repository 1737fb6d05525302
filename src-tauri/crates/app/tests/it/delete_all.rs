//! "Delete all my data": refused without the typed phrase, a clean slate with it.

use crate::data_files::documents;
use crate::support::*;
use waymark_app::delete_all::DELETE_ALL_PHRASE;
use waymark_app::{ErrorCode, SettingsInput};

#[test]
fn without_the_phrase_nothing_is_deleted() {
    let mut t = TestApp::new();
    t.goal_from("rust", 5.0);
    t.app.backup_now().unwrap();
    let before = documents(&t.app);
    for wrong in ["", "delete", "delete my date", "yes"] {
        let err = t.app.delete_all_data(wrong).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::InvalidInput, Some("confirmation")), "{wrong:?}");
        assert!(err.message.contains(DELETE_ALL_PHRASE), "{}", err.message);
    }
    assert_eq!(documents(&t.app), before);
    assert_eq!(t.app.backups().unwrap().len(), 1);
}

#[test]
fn with_the_phrase_every_document_and_backup_goes_and_the_learner_starts_fresh() {
    let mut t = TestApp::new();
    t.goal_from("rust", 5.0);
    t.app.update_settings(SettingsInput { day_start_hour: 6, time_zone: Some("Europe/Berlin".into()) }).unwrap();
    t.app.backup_now().unwrap();
    let user = t.app.snapshot().unwrap().user_id;
    let total: u64 = documents(&t.app).iter().map(|(_, d)| d.len() as u64).sum();

    let deleted = t.app.delete_all_data("  Delete my data ").unwrap();
    assert_eq!((deleted.total, deleted.backups), (total, 1));
    assert_eq!(deleted.documents["goals"], 1);
    assert!(documents(&t.app).iter().all(|(_, d)| d.is_empty()), "not even tombstones are left");
    assert!(t.app.list_goals().unwrap().is_empty());
    assert!(t.app.today_view(None).unwrap().tasks.is_empty());
    assert!(t.app.backups().unwrap().is_empty());
    let settings = t.app.settings();
    assert_eq!((settings.day_start_hour, settings.time_zone), (4, None), "a fresh profile");
    assert_eq!(t.app.snapshot().unwrap().user_id, user, "the store keeps its identity");

    let t = t.restart();
    assert!(t.app.list_goals().unwrap().is_empty());
    let mut t = t;
    t.goal_from("spanish", 3.0);
    assert_eq!(t.app.list_goals().unwrap().len(), 1, "and can start again");
}
