//! Linux: notifications over the session D-Bus with `notify-rust`. Each one
//! waits on a thread of its own for a click or an action, on the connection
//! that sent it (some servers, like dunst, signal only that connection). At
//! most [`MAX_OPEN`] wait at a time, and a reminder that rings again replaces
//! its previous notification, so waiting threads never pile up.

use super::{Outgoing, SNOOZE_MINUTES};
use crate::desktop::{Shared, reminder_task, window};
use futures_lite::future::block_on;
use notify_rust::{Notification, NotificationHandle, NotificationResponse};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager};
use waymark_core::ids::ReminderId;

/// The most notifications that wait for an answer; one more closes the oldest.
const MAX_OPEN: usize = 8;

/// A shown notification that waits for an answer.
struct Open {
    handle: Arc<NotificationHandle>,
    reminder: Option<ReminderId>,
}

static OPEN: Mutex<Vec<Open>> = Mutex::new(Vec::new());

/// Sends `note` and starts waiting for the learner's answer.
pub(super) fn send(app: &AppHandle, note: Outgoing) -> Result<(), String> {
    let mut n = Notification::new();
    n.appname("Waymark").summary(&note.title).body(&markup_escaped(&note.body)).action("default", "Open Waymark");
    if note.reminder.is_some() {
        n.action("snooze", &format!("Snooze {SNOOZE_MINUTES} min"));
    }
    let handle = Arc::new(n.show().map_err(|e| e.to_string())?);
    for stale in remember(&handle, note.reminder.clone()) {
        block_on(stale.close_async());
    }
    let app = app.clone();
    let waiting = Arc::clone(&handle);
    let listener = std::thread::Builder::new().name("notification".into()).spawn(move || listen(&app, &waiting, &note));
    if let Err(e) = listener {
        forget(&handle);
        eprintln!("waymark: the notification was shown, but its click cannot be answered: {e}");
    }
    Ok(())
}

/// Waits for the learner's answer to `handle` and carries it out; then the
/// notification is closed and forgotten.
fn listen(app: &AppHandle, handle: &Arc<NotificationHandle>, note: &Outgoing) {
    let mut chosen = Action::Other;
    block_on(handle.wait_for_action_async(|response: &NotificationResponse| {
        chosen = match response {
            NotificationResponse::Default => Action::Open,
            NotificationResponse::Action(key) => Action::from_key(key),
            _ => Action::Other,
        };
    }));
    forget(handle);
    if chosen != Action::Other {
        act(app, note, &chosen);
        block_on(handle.close_async());
    }
}

/// `text` safe as a notification body: servers with the `body-markup`
/// capability read the body as markup, so a goal titled `<b>…` or `A & B`
/// must reach the learner as written.
fn markup_escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Records a new notification; returns those to close: the previous one of
/// the same reminder, and the oldest beyond [`MAX_OPEN`].
fn remember(handle: &Arc<NotificationHandle>, reminder: Option<ReminderId>) -> Vec<Arc<NotificationHandle>> {
    let mut open = OPEN.lock().unwrap_or_else(|p| p.into_inner());
    let mut stale = Vec::new();
    if let Some(id) = &reminder {
        open.retain(|o| {
            let same = o.reminder.as_ref() == Some(id);
            if same {
                stale.push(Arc::clone(&o.handle));
            }
            !same
        });
    }
    open.push(Open { handle: Arc::clone(handle), reminder });
    let over = open.len().saturating_sub(MAX_OPEN);
    stale.extend(open.drain(..over).map(|o| o.handle));
    stale
}

fn forget(handle: &Arc<NotificationHandle>) {
    OPEN.lock().unwrap_or_else(|p| p.into_inner()).retain(|o| !Arc::ptr_eq(&o.handle, handle));
}

/// What the learner did with a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    /// Clicked it: open its screen.
    Open,
    /// Chose Snooze.
    Snooze,
    /// Anything else: closed it, or an action we do not offer.
    Other,
}

impl Action {
    /// The action a notification server reports by its key.
    fn from_key(key: &str) -> Self {
        match key {
            "default" => Action::Open,
            "snooze" => Action::Snooze,
            _ => Action::Other,
        }
    }
}

/// Carries out what the learner chose on `note`.
fn act(app: &AppHandle, note: &Outgoing, action: &Action) {
    match (action, &note.reminder) {
        (Action::Open, _) => window::open(app, &note.route),
        (Action::Snooze, Some(id)) => {
            match app.state::<Shared>().with(|a| a.snooze_reminder_for(id.as_str(), SNOOZE_MINUTES)) {
                Ok(_) => reminder_task::poke(app),
                Err(e) => eprintln!("waymark: cannot snooze reminder {id}: {}", e.message),
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_reads_as_written_on_a_markup_server() {
        assert_eq!(markup_escaped("Learn <b>C</b> & Go"), "Learn &lt;b&gt;C&lt;/b&gt; &amp; Go");
        assert_eq!(markup_escaped("&amp;"), "&amp;amp;");
        assert_eq!(markup_escaped("1 task today · 0 min"), "1 task today · 0 min");
    }

    #[test]
    fn server_action_keys() {
        assert_eq!(Action::from_key("default"), Action::Open);
        assert_eq!(Action::from_key("snooze"), Action::Snooze);
        assert_eq!(Action::from_key("__closed"), Action::Other);
    }
}
