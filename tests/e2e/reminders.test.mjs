// End-to-end: reminders in Settings. A learner adds a daily reminder at 19:30
// on weekdays and sees it listed; an empty time or no weekday is refused with
// an error and adds nothing. Quiet hours and the pause read back as saved (also
// after a restart); "Start at login" writes and removes the XDG autostart
// entry (HOME points at a temp dir; a private session bus keeps the desktop's
// services from starting there). "Remind me" on a goal and on a task sets
// one-off reminders; a time in the past is refused.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";
import { NotifyBus } from "./notifybus.mjs";

const dataDir = tempDataDir();
const homeDir = tempDataDir();
const busDir = tempDataDir();
const bus = new NotifyBus(busDir);
let driver;

const ERROR = '[data-testid="reminders-error"] [role="alert"]';

async function items() {
  const texts = [];
  for (const el of await driver.findAll('[data-testid="reminder-item"]')) {
    texts.push(await driver.req("GET", driver.s(`/element/${el}/text`)));
  }
  return texts;
}

before(async () => {
  await bus.start();
  driver = new Driver({ dataDir, env: { HOME: homeDir, DBUS_SESSION_BUS_ADDRESS: bus.address } });
  await driver.start();
});

after(async () => {
  await driver?.stop();
  bus.stop();
  removeDir(dataDir);
  removeDir(homeDir);
  removeDir(busDir);
});

/** The learner's local date `days` from today, YYYY-MM-DD. */
function localDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test("a daily reminder at 19:30 on weekdays is listed; an empty time or no weekday is refused", async () => {
  await driver.launch();
  await driver.click('[data-testid="nav-settings"]');
  await driver.waitFor('[data-testid="reminders"]');
  assert.deepEqual(await items(), []);

  // Daily is the default kind, Mon–Fri the default days.
  await driver.setValue('[data-testid="reminder-kind"]', "daily");
  await driver.setValue('[data-testid="reminder-time-0"]', "19:30");
  for (const d of ["mon", "tue", "wed", "thu", "fri"]) {
    assert.equal(await driver.attr(await driver.find(`[data-testid="reminder-day-${d}"]`), "aria-pressed"), "true");
  }
  await driver.click('[data-testid="reminder-add"]');
  const listed = await driver.until(async () => ((await items()).length === 1 ? await items() : null), { what: "the reminder" });
  assert.match(listed[0], /Every weekday at 19:30/);

  // An empty time: an error, nothing added.
  await driver.setValue('[data-testid="reminder-time-0"]', "");
  await driver.click('[data-testid="reminder-add"]');
  await driver.waitFor(ERROR);
  assert.equal((await items()).length, 1);

  // No weekday: an error, nothing added.
  await driver.setValue('[data-testid="reminder-time-0"]', "08:00");
  for (const d of ["mon", "tue", "wed", "thu", "fri"]) await driver.click(`[data-testid="reminder-day-${d}"]`);
  await driver.click('[data-testid="reminder-add"]');
  await driver.until(async () => /day/i.test(await driver.text(ERROR)), { what: "the weekday error" });
  assert.equal((await items()).length, 1);

  const saved = await driver.invoke("reminders");
  assert.equal(saved.length, 1);
  assert.deepEqual(saved[0].kind, { kind: "daily", times: ["19:30:00"], days: ["mon", "tue", "wed", "thu", "fri"] });
});

test("quiet hours and the pause read back as saved; start at login writes the autostart entry", async () => {
  await driver.click('[data-testid="nav-settings"]');
  await driver.until(async () => /No quiet hours/.test(await driver.text('[data-testid="quiet-state"]')), { what: "no quiet hours" });
  await driver.setValue('[data-testid="quiet-from"]', "21:30");
  await driver.setValue('[data-testid="quiet-to"]', "06:45");
  await driver.click('[data-testid="quiet-save"]');
  await driver.until(async () => /from 21:30 to 06:45/.test(await driver.text('[data-testid="quiet-state"]')), { what: "the quiet hours" });

  await driver.click('[data-testid="reminders-pause"]');
  await driver.until(async () => /Paused until/.test(await driver.text('[data-testid="pause-state"]')), { what: "the pause" });

  // After a restart Settings shows what was saved.
  await driver.quit();
  await driver.launch();
  await driver.click('[data-testid="nav-settings"]');
  await driver.until(async () => /from 21:30 to 06:45/.test(await driver.text('[data-testid="quiet-state"]')), { what: "the saved quiet hours" });
  assert.equal(await driver.attr(await driver.find('[data-testid="quiet-from"]'), "value"), "21:30");
  assert.equal(await driver.attr(await driver.find('[data-testid="quiet-to"]'), "value"), "06:45");
  assert.match(await driver.text('[data-testid="pause-state"]'), /Paused until/);
  await driver.click('[data-testid="reminders-resume"]');
  await driver.until(async () => /Reminders are on/.test(await driver.text('[data-testid="pause-state"]')), { what: "resumed" });
  await driver.waitFor('[data-testid="reminders-pause-day"]');

  // Start at login: off by default; on writes ~/.config/autostart/Waymark.desktop starting hidden.
  const entry = join(homeDir, ".config", "autostart", "Waymark.desktop");
  const box = '[data-testid="launch-at-login"]';
  await driver.waitFor(box, { until: async (el) => (await driver.attr(el, "disabled")) === null });
  assert.equal(await driver.exec(`return document.querySelector('${box}').checked`), false);
  assert.equal(existsSync(entry), false);
  await driver.click(box);
  await driver.until(() => existsSync(entry), { what: "the autostart entry" });
  const desktop = readFileSync(entry, "utf8");
  assert.ok(desktop.split("\n").includes(`Exec=${driver.bin} --hidden`), desktop);
  await driver.until(async () => driver.exec(`return document.querySelector('${box}').checked`), { what: "the box checked" });
  await driver.click(box);
  await driver.until(() => !existsSync(entry), { what: "the autostart entry removed" });
});

test("Remind me on a goal and on a task; a time in the past is refused", async () => {
  const goalId = await driver.createGoal("rust", "Learn Rust", 7);
  const tomorrow = localDate(1);

  await driver.click('[data-testid="remind-open"]');
  await driver.setValue('[data-testid="remind-date"]', tomorrow);
  await driver.setValue('[data-testid="remind-time"]', "18:00");
  await driver.type('[data-testid="remind-note"]', "Book the exam");
  await driver.click('[data-testid="remind-save"]');
  await driver.waitFor('[data-testid="remind-done"]');

  await driver.click('[data-testid="nav-today"]');
  const task = '[data-testid="task"]:first-child';
  const taskTitle = await driver.text(`${task} [data-testid="task-title"]`);
  await driver.click(`${task} [data-testid="remind-open"]`);
  await driver.setValue(`${task} [data-testid="remind-date"]`, localDate(-1));
  await driver.setValue(`${task} [data-testid="remind-time"]`, "07:30");
  await driver.click(`${task} [data-testid="remind-save"]`);
  await driver.until(async () => /already past/.test(await driver.text(`${task} [data-testid="remind-error"]`)), { what: "the past-time error" });
  await driver.setValue(`${task} [data-testid="remind-date"]`, tomorrow);
  await driver.click(`${task} [data-testid="remind-save"]`);
  await driver.waitFor(`${task} [data-testid="remind-done"]`);

  const saved = (await driver.invoke("reminders")).filter((r) => r.kind.kind === "at");
  assert.equal(saved.length, 2, "the refused one was not saved");
  assert.deepEqual(
    saved.map((r) => [r.kind.at, r.kind.goal_id, r.kind.note]),
    [
      [new Date(`${tomorrow}T18:00:00`).toISOString().replace(".000Z", "Z"), goalId, "Book the exam"],
      [new Date(`${tomorrow}T07:30:00`).toISOString().replace(".000Z", "Z"), goalId, ""],
    ],
  );
  assert.ok(saved[1].kind.task_id, "the task's reminder names the task");

  await driver.click('[data-testid="nav-settings"]');
  const texts = await driver.until(async () => {
    const all = [];
    for (const el of await driver.findAll('[data-testid="reminder-item"]')) all.push(await driver.req("GET", driver.s(`/element/${el}/text`)));
    return all.length === 3 ? all : null;
  }, { what: "three reminders listed" });
  assert.match(texts[1], /Once on .*18:00 — Book the exam · Learn Rust/);
  assert.ok(texts[2].includes(`${taskTitle} · Learn Rust`), texts[2]);
  assert.match(texts[2], /Next .*07:30/);
});
