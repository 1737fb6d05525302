// End-to-end: reminders in Settings. A learner adds a daily reminder at 19:30
// on weekdays and sees it listed; an empty time or no weekday is refused with
// an error and adds nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";

const dataDir = tempDataDir();
const driver = new Driver({ dataDir });

const ERROR = '[data-testid="reminders-error"] [role="alert"]';

async function items() {
  const texts = [];
  for (const el of await driver.findAll('[data-testid="reminder-item"]')) {
    texts.push(await driver.req("GET", driver.s(`/element/${el}/text`)));
  }
  return texts;
}

before(async () => {
  await driver.start();
});

after(async () => {
  await driver.stop();
  removeDir(dataDir);
});

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
