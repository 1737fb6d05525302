"""A tiny desktop for tests: a notification server and a tray host.

As org.freedesktop.Notifications it records each Notify call (its id,
summary, body and actions) and each CloseNotification call as a JSON line in
the file given as argv[1]; as org.kde.StatusNotifierWatcher it records each
tray icon that registers. It writes argv[2] once it owns both names.

A test acts as the learner through org.waymark.Test:
- Invoke(id, action_key) emits the ActionInvoked signal a real server sends
  when a notification or one of its buttons is clicked ("default" is a click
  on the notification itself);
- ClickTray(label) clicks the entry with that label in the menu of the last
  tray icon that registered (over com.canonical.dbusmenu, as a panel does)."""
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

LOG, READY = sys.argv[1], sys.argv[2]
IFACE = "org.freedesktop.Notifications"
TEST_IFACE = "org.waymark.Test"
WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
PROPS = "org.freedesktop.DBus.Properties"
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


class Watcher(dbus.service.Object):
    """The tray host side of the StatusNotifierItem protocol."""

    def __init__(self, bus):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.bus = bus
        self.items = []

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        name, path = (sender, str(service)) if service.startswith("/") else (str(service), "/StatusNotifierItem")
        self.items.append((name, path))
        record({"event": "tray", "name": name, "path": path})
        self.StatusNotifierItemRegistered(name + path)

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, item):
        pass

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {
            "RegisteredStatusNotifierItems": dbus.Array([n + p for n, p in self.items], signature="s"),
            "IsStatusNotifierHostRegistered": True,
            "ProtocolVersion": dbus.Int32(0),
        }

    @dbus.service.method(TEST_IFACE, in_signature="s", out_signature="")
    def ClickTray(self, label):
        name, path = self.items[-1]
        item = self.bus.get_object(name, path)
        menu_path = item.Get(ITEM, "Menu", dbus_interface=PROPS)
        menu = self.bus.get_object(name, menu_path)
        _, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"), dbus_interface=MENU)
        entry = find(layout, str(label))
        if entry is None:
            raise dbus.exceptions.DBusException(f"no tray menu entry {label!r}")
        menu.Event(entry, "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(0), dbus_interface=MENU)


def find(layout, label):
    """The id of the menu entry labelled `label` (mnemonic underscores ignored)."""
    entry, props, children = layout
    if str(props.get("label", "")).replace("_", "") == label.replace("_", ""):
        return entry
    for child in children:
        found = find(child, label)
        if found is not None:
            return found
    return None


DBusGMainLoop(set_as_default=True)
session = dbus.SessionBus()
name = dbus.service.BusName(IFACE, session, do_not_queue=True)
watcher_name = dbus.service.BusName(WATCHER, session, do_not_queue=True)
server = Server(session)
watcher = Watcher(session)
open(READY, "w").close()
GLib.MainLoop().run()
