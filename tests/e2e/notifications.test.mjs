// End-to-end: real notifications on a private D-Bus with a recording server,
// and the UI they lead to. On a pinned Monday 19:31, a daily 19:30 reminder and
// a one-off "Read chapter 4" on the Learn Rust goal ring as the app starts.
// Settings shows the daily one as just rung; the learner snoozes it for 10
// minutes there. Clicking the goal's notification opens that goal's screen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";
import { NotifyBus } from "./notifybus.mjs";

const SEED = "2026-11-23T08:00:00Z";
const NOW = "2026-11-23T19:31:00Z";

const dataDir = tempDataDir();
const busDir = tempDataDir();
const bus = new NotifyBus(busDir);
let driver;
let goalId;

/** Runs the CLI on the test's data at `now`; its JSON output. */
function cli(now, args) {
  const out = execFileSync(process.env.WAYMARK_BIN, args, {
    env: { ...process.env, WAYMARK_DATA_DIR: dataDir, WAYMARK_NOW: now, TZ: "UTC" },
  });
  return JSON.parse(out.toString());
}

before(async () => {
  goalId = cli(SEED, ["goal", "add", "--title", "Learn Rust", "--template", "rust", "--hours-per-week", "7", "--json"]).id;
  cli(SEED, ["reminders", "add", "--kind", "daily", "--time", "19:30", "--json"]);
  cli(SEED, ["reminders", "add", "--kind", "once", "--at", "2026-11-23T19:20", "--goal", goalId, "--note", "Read chapter 4", "--json"]);
  await bus.start();
  driver = new Driver({ dataDir, env: { WAYMARK_NOW: NOW, TZ: "UTC", DBUS_SESSION_BUS_ADDRESS: bus.address } });
  await driver.start();
});

after(async () => {
  await driver?.stop();
  bus.stop();
  removeDir(dataDir);
  removeDir(busDir);
});

test("a reminder that just rang is snoozed from Settings; a click on a notification opens its goal", async () => {
  await driver.launch();
  const notes = await driver.until(() => (bus.notifications().length >= 2 ? bus.notifications() : null), {
    timeout: 30_000,
    what: "two notifications",
  });
  const chapter = notes.find((n) => n.summary === "Read chapter 4");
  assert.ok(chapter && notes.some((n) => n.summary === "Time to study"), JSON.stringify(notes));

  await driver.click('[data-testid="nav-settings"]');
  const daily = '[data-testid="reminder-item"]:first-child';
  await driver.until(async () => /Rang/.test(await driver.text(`${daily} [data-testid="reminder-when"]`)), { what: "the rung reminder" });
  await driver.click(`${daily} [data-testid="reminder-snooze-10"]`);
  await driver.until(async () => /Snoozed until .*19:41/.test(await driver.text(`${daily} [data-testid="reminder-when"]`)), {
    what: "the snooze",
  });
  const saved = await driver.invoke("reminders");
  assert.equal(saved[0].snoozed_until, "2026-11-23T19:41:00Z");
  assert.equal(saved[1].snoozed_until, null);

  // The learner clicks the goal's notification (the app starts listening just
  // after sending it, so an early click is repeated).
  await driver.until(
    async () => {
      bus.invoke(chapter.id, "default");
      return (await driver.exec("return location.hash")) === `#/goal/${goalId}`;
    },
    { what: "the goal's screen" },
  );
  assert.equal(await driver.text('[data-testid="goal-heading"]'), "Learn Rust");
  await driver.until(async () => (await driver.title()) === "Learn Rust — Waymark", { what: "the window title" });
});
