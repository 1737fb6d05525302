// End-to-end: the adaptive planner in the built app. A learner sets study time
// by weekday and a target date, imports a Markdown roadmap from a file, sees
// the outlook and takes its fix, keeps a streak on Today, exports the roadmap,
// declares a day off in Settings, restarts the app, and finds it all still there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";

const dataDir = tempDataDir();
const workDir = tempDataDir();
const exportDir = join(workDir, "exports");
const driver = new Driver({ dataDir, env: { WAYMARK_EXPORT_DIR: exportDir } });

const ROADMAP = `# Go basics

## Tour of Go
Duration: 3 days
The language in small steps.
- [A Tour of Go](https://go.dev/tour/)

## Effective Go
Duration: 3 days
- [Effective Go](https://go.dev/doc/effective_go)

## Concurrency
Duration: 3 days
- [Go by Example](https://gobyexample.com/)
`;

/** YYYY-MM-DD plus `days` (calendar arithmetic in UTC, no time-zone drift). */
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6, as the weekday inputs are ordered. */
function weekdayIndex(iso) {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

async function stepTitles() {
  const titles = [];
  for (const el of await driver.findAll('[data-testid="step"] h3')) {
    titles.push(await driver.req("GET", driver.s(`/element/${el}/text`)));
  }
  return titles;
}

before(async () => {
  await driver.start();
});

after(async () => {
  await driver.stop();
  removeDir(dataDir);
  removeDir(workDir);
});

test("weekday hours → imported roadmap → outlook and fix → streak → day off, all kept after a restart", async () => {
  await driver.launch();
  const todayEl = await driver.waitFor('[data-testid="today-date"]');
  const today = await driver.attr(todayEl, "data-date");
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);

  // A goal with time by weekday: Mon–Fri 1 h, Sat 3 h, Sun free (Sat free when
  // today is a Sunday, so there is something to do today), and a near target.
  await driver.click('[data-testid="nav-new-goal"]');
  await driver.click('[data-testid="template-none"]');
  await driver.type('[data-testid="goal-title"]', "Learn Go");
  await driver.click('[data-testid="week-mode-weekday"]');
  const hours = [1, 1, 1, 1, 1, 3, 0];
  if (weekdayIndex(today) === 6) [hours[5], hours[6]] = [0, 3];
  for (const [i, h] of hours.entries()) await driver.type(`[data-testid="week-hours-${i}"]`, String(h));
  assert.equal(await driver.text('[data-testid="week-hours-total"]'), "8 h");
  await driver.setValue('[data-testid="goal-target"]', addDays(today, 3));
  await driver.screenshot("planner-goal-form", { scrollTo: '[data-testid="goal-title"]' });
  await driver.click('[data-testid="goal-submit"]');
  assert.equal(await driver.text('[data-testid="goal-heading"]'), "Learn Go");
  assert.match(await driver.text('[data-testid="goal-week"]'), /^8 h\/week \(/);

  // Import the roadmap from a Markdown file.
  const file = join(workDir, "go-roadmap.md");
  writeFileSync(file, ROADMAP);
  await driver.upload('[data-testid="import-roadmap-input"]', file);
  await driver.waitFor('[data-testid="step"]');
  assert.deepEqual(await stepTitles(), ["Tour of Go", "Effective Go", "Concurrency"]);
  assert.match(await driver.text('[data-testid="timeline"]'), /Imported 3 steps/);

  // About 10 h of work cannot fit in four days at 8 h a week: off track, with both fixes.
  const status = await driver.waitFor('[data-testid="outlook-status"]');
  assert.equal(await driver.attr(status, "data-status"), "off_track");
  assert.equal(await driver.text('[data-testid="outlook-status"]'), "Off track");
  assert.ok((await driver.text('[data-testid="outlook-reason"]')).length > 10, "the outlook gives a reason");
  assert.match(await driver.text('[data-testid="fix-hours"]'), /^Study [\d.]+ h\/week/);
  assert.match(await driver.text('[data-testid="fix-date"]'), /^Move target to /);
  await driver.screenshot("planner-goal-off-track");

  // Take the first fix: more hours a week, in the same weekday shape.
  const offer = Number((await driver.text('[data-testid="fix-hours"]')).match(/^Study ([\d.]+) h\/week/)[1]);
  await driver.click('[data-testid="fix-hours"]');
  const grown = await driver.waitFor('[data-testid="goal-week"]', {
    until: async (el) => (await driver.req("GET", driver.s(`/element/${el}/text`))).startsWith(`${offer} h/week (`),
  });
  assert.ok(grown, "the weekly hours grew to the offer, still set by weekday");
  // Steps measured in days grow with the hours, so the date may still be late:
  // then take the other fix, a later target.
  const outlook = await driver.waitFor('[data-testid="outlook-status"]');
  if ((await driver.attr(outlook, "data-status")) === "off_track") await driver.click('[data-testid="fix-date"]');
  await driver.waitFor('[data-testid="outlook-status"]', {
    until: async (el) => (await driver.attr(el, "data-status")) === "on_track",
  });
  assert.equal(await driver.text('[data-testid="outlook-status"]'), "On track");
  assert.match(await driver.text('[data-testid="outlook-reason"]'), /target/);
  const fixed = await driver.text('[data-testid="goal-week"]');
  await driver.screenshot("planner-goal");
  await driver.screenshot("planner-goal-timeline", { scrollTo: '[data-testid="timeline"]' });

  // Export the roadmap as Markdown: the app says where it saved it.
  await driver.click('[data-testid="export-toggle"]');
  await driver.click('[data-testid="export-md"]');
  const saved = await driver.text('[data-testid="export-path"]');
  assert.equal(dirname(saved), exportDir);
  assert.ok(existsSync(saved), "the export file exists");
  assert.match(readFileSync(saved, "utf8"), /## Effective Go/);

  // Today: the goal's status, the tasks; doing them all keeps the day.
  await driver.click('[data-testid="nav-today"]');
  await driver.waitFor('[data-testid="task"]');
  assert.match(await driver.text('[data-testid="today-goal-status"]'), /^On track/);
  assert.match(await driver.text('[data-testid="streak"]'), /Finish today's tasks to keep it/);
  await driver.click('[data-testid="task"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="task"][data-status="done"]');
  // Skip whatever else is planned today, so the day counts.
  const planned = async () => (await driver.findAll('[data-testid="task"][data-status="planned"]')).length;
  for (let left = await planned(); left > 0; left = await planned()) {
    await driver.click('[data-testid="task"][data-status="planned"] [data-testid="task-skip"]');
    await driver.waitFor('[data-testid="streak"]', { until: async () => (await planned()) < left });
  }
  const streak = await driver.waitFor('[data-testid="streak"]', {
    until: async (el) => (await driver.attr(el, "data-today")) === "kept",
  });
  assert.ok(streak);
  assert.match(await driver.text('[data-testid="streak"]'), /1-day streak/);
  assert.match(await driver.text('[data-testid="streak"]'), /Today counts/);
  assert.match(await driver.text('[data-testid="today-timeline"]'), /Done: /);
  await driver.screenshot("planner-today");

  // Settings: declare a day off next week.
  await driver.click('[data-testid="nav-settings"]');
  await driver.waitFor('[data-testid="settings-day-start"]');
  const off = addDays(today, 8);
  await driver.setValue('[data-testid="dayoff-start"]', off);
  await driver.setValue('[data-testid="dayoff-end"]', addDays(today, 9));
  await driver.type('[data-testid="dayoff-note"]', "Moving house");
  await driver.click('[data-testid="dayoff-add"]');
  await driver.waitFor(`[data-testid="dayoff-list"] [data-testid="dayoff"][data-start="${off}"]`);
  assert.match(await driver.text('[data-testid="dayoff-list"]'), /Moving house/);
  await driver.screenshot("planner-settings");

  // After a restart: the imported steps, the fix, the streak and the day off are all there.
  await driver.quit();
  await driver.launch();
  await driver.click('[data-testid="nav-goals"]');
  await driver.click('[data-testid="goal-card"]');
  await driver.waitFor('[data-testid="step"]');
  assert.deepEqual(await stepTitles(), ["Tour of Go", "Effective Go", "Concurrency"]);
  assert.equal(await driver.text('[data-testid="goal-week"]'), fixed);
  await driver.click('[data-testid="nav-today"]');
  assert.match(await driver.text('[data-testid="streak"]'), /1-day streak/);
  await driver.click('[data-testid="nav-settings"]');
  await driver.waitFor(`[data-testid="dayoff"][data-start="${off}"]`);
  assert.match(await driver.text('[data-testid="dayoff-list"]'), /Moving house/);

  // A step can be marked done by hand, and reopened.
  await driver.click('[data-testid="nav-goals"]');
  await driver.click('[data-testid="goal-card"]');
  await driver.click('[data-testid="step-done-2"]');
  const isStep = (status) => async (el) => (await driver.attr(el, "data-status")) === status;
  await driver.waitFor('[data-testid="step"]:nth-child(3)', { until: isStep("done") });
  assert.equal(await driver.text('[data-testid="step-done-2"]'), "Reopen");
  assert.match(await driver.text('[data-testid="timeline"]'), /Completed step Concurrency/);
  await driver.click('[data-testid="step-done-2"]');
  await driver.waitFor('[data-testid="step"]:nth-child(3)', { until: isStep("pending") });
  await driver.quit();
});
