// A private session D-Bus (no service activation) with the recording
// notification server of the Rust notify test (src-tauri/tests/notify/server.py),
// for end-to-end tests that need real notifications and to click them.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

const NOTIFY = resolve(import.meta.dirname, "../../src-tauri/tests/notify");
const SERVER = join(NOTIFY, "server.py");
const BUS_CONFIG = join(NOTIFY, "bus.conf");

export class NotifyBus {
  /** `dir`: a temp folder for the server's log and its ready file. */
  constructor(dir) {
    this.dir = dir;
    this.log = join(dir, "notifications.jsonl");
  }

  async start() {
    this.bus = spawn("dbus-daemon", [`--config-file=${BUS_CONFIG}`, "--nofork", "--print-address=1"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = await once(createInterface({ input: this.bus.stdout }), "line");
    this.address = line.trim();
    const ready = join(this.dir, "server.ready");
    this.server = spawn("/usr/bin/python3", [SERVER, this.log, ready], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: this.address },
      stdio: "inherit",
    });
    const deadline = Date.now() + 10_000;
    while (!existsSync(ready)) {
      if (Date.now() > deadline) throw new Error("the notification server did not start (python3-dbus, python3-gi)");
      await sleep(100);
    }
  }

  stop() {
    this.server?.kill();
    this.bus?.kill();
  }

  /** The notifications the server received: {id, summary, body, actions}. */
  notifications() {
    if (!existsSync(this.log)) return [];
    return readFileSync(this.log, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l))
      .filter((e) => e.event === "notify");
  }

  /** Clicks notification `id` ("default") or one of its buttons, as the learner. */
  invoke(id, action) {
    execFileSync(
      "dbus-send",
      ["--session", "--print-reply", "--dest=org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.waymark.Test.Invoke", `uint32:${id}`, `string:${action}`],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: this.address }, stdio: "ignore" },
    );
  }
}
