"""A tiny org.freedesktop.Notifications server for tests.

Records each Notify call (its id, summary, body and actions) and each
CloseNotification call as a JSON line in the file given as argv[1], and
writes argv[2] once it owns the bus name. A test acts as the learner through
the extra method org.waymark.Test.Invoke(id, action_key), which emits the
ActionInvoked signal a real server sends when a notification or one of its
buttons is clicked ("default" is a click on the notification itself)."""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

LOG, READY = sys.argv[1], sys.argv[2]
IFACE = "org.freedesktop.Notifications"
TEST_IFACE = "org.waymark.Test"
CLOSED_BY_CALL = 3


def record(entry):
    with open(LOG, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


class Server(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.next_id = 0

    @dbus.service.method(IFACE, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.next_id += 1
        record({
            "event": "notify",
            "id": self.next_id,
            "app": str(app),
            "summary": str(summary),
            "body": str(body),
            "actions": [str(a) for a in actions],
        })
        return self.next_id

    @dbus.service.method(IFACE, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions"]

    @dbus.service.method(IFACE, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("waymark-test", "waymark", "1.0", "1.2")

    @dbus.service.method(IFACE, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        record({"event": "close", "id": int(nid)})
        self.NotificationClosed(nid, CLOSED_BY_CALL)

    @dbus.service.signal(IFACE, signature="us")
    def ActionInvoked(self, nid, action_key):
        pass

    @dbus.service.signal(IFACE, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.method(TEST_IFACE, in_signature="us", out_signature="")
    def Invoke(self, nid, action_key):
        self.ActionInvoked(nid, action_key)


DBusGMainLoop(set_as_default=True)
session = dbus.SessionBus()
name = dbus.service.BusName(IFACE, session, do_not_queue=True)
server = Server(session)
open(READY, "w").close()
GLib.MainLoop().run()
