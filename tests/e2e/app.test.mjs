// End-to-end: the built Waymark app in a real WebKit window (Xvfb), driven
// through tauri-driver. A learner creates a goal from a template, sees its
// tasks on Today, marks one done, restarts the app, and finds it still done.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";

const dataDir = tempDataDir();
const driver = new Driver({ dataDir });

before(async () => {
  await driver.start();
});

after(async () => {
  await driver.stop();
  removeDir(dataDir);
});

test("goal from a template → tasks on Today → done survives a restart", async () => {
  await driver.launch();
  assert.equal(await driver.title(), "Today — Waymark");
  await driver.waitFor('[data-testid="today-empty"]');
  await driver.screenshot("first-launch");

  await driver.click('[data-testid="nav-new-goal"]');
  await driver.click('[data-testid="template-rust"]');
  await driver.type('[data-testid="goal-title"]', "Learn Rust");
  await driver.type('[data-testid="goal-hours"]', "7");
  await driver.click('[data-testid="goal-submit"]');
  const heading = await driver.text('[data-testid="goal-heading"]');
  assert.equal(heading, "Learn Rust");
  const steps = await driver.findAll('[data-testid="step"]');
  assert.equal(steps.length, 8, "the Rust template has eight steps");
  await driver.screenshot("goal");

  await driver.click('[data-testid="nav-today"]');
  await driver.waitFor('[data-testid="task"]');
  const tasks = await driver.findAll('[data-testid="task"]');
  assert.ok(tasks.length >= 1, "Today lists the goal's first task");
  const firstTitle = await driver.text('[data-testid="task"] [data-testid="task-title"]');
  assert.match(firstTitle, /Set up and first programs/);
  await driver.click('[data-testid="task"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="task"][data-status="done"]');
  await driver.screenshot("today");

  await driver.quit();
  await driver.launch();
  await driver.click('[data-testid="nav-today"]');
  const done = await driver.waitFor('[data-testid="task"][data-status="done"]');
  assert.ok(done, "the task is still done after a restart");
  const title = await driver.text('[data-testid="task"][data-status="done"] [data-testid="task-title"]');
  assert.equal(title, firstTitle);
});

test("bad input shows the message and creates nothing", async () => {
  await driver.click('[data-testid="nav-new-goal"]');
  await driver.type('[data-testid="goal-title"]', "   ");
  await driver.click('[data-testid="goal-submit"]');
  const error = await driver.text('[data-testid="error"]');
  assert.match(error, /title/);
  await driver.click('[data-testid="nav-goals"]');
  await driver.waitFor('[data-testid="goal-card"]');
  const cards = await driver.findAll('[data-testid="goal-card"]');
  assert.equal(cards.length, 1, "still only the goal from the first test");
  await driver.quit();
});
