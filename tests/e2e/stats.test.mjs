// End-to-end: the Stats screen in the built app, on a pinned clock.
// A fresh store says what to do first. Then a learner starts "Learn Rust"
// (Programming, 7 h a week: one 60-minute task a day) on Monday 2 March 2026,
// finishes Monday's task, passes the day's test with every answer right and
// rates three cards Good; on Tuesday finishes that day's task after 45 minutes.
// The figures are checked by hand:
// - studied 60 + 45 = 105 min on 2 days; streak 2, longest 2; best day Monday;
// - this week 105 min; planned 60 + 60 done: the plan kept at 100%, on track;
// - one test day, passed, perfect; 3 reviews; the 32 starter cards less the
//   3 rated are new and due today;
// - one goal, not completed.
// Last, ten weeks of study are scripted through the command line (the same
// store, headless, one pinned day at a time) for the screenshots of the docs,
// and the screen is checked to show what `waymark stats --json` computes.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";

const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";
const noon = (iso) => `${iso}T12:00:00Z`;

const dataDir = tempDataDir();
const freshDir = tempDataDir();
const seasonDir = tempDataDir();
let driver = null;

async function startApp(dir, now, env = {}) {
  driver = new Driver({ dataDir: dir, env: { WAYMARK_NOW: now, ...env } });
  await driver.start();
  await driver.launch();
}

async function stopApp() {
  await driver?.stop();
  driver = null;
}

after(async () => {
  await stopApp();
  removeDir(dataDir);
  removeDir(freshDir);
  removeDir(seasonDir);
});

/** YYYY-MM-DD plus `days` (calendar arithmetic in UTC). */
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Runs the waymark command line on `dir` at instant `now`; returns its JSON. */
function cli(dir, now, args) {
  const out = execFileSync(process.env.WAYMARK_BIN, [...args, "--json"], {
    env: { ...process.env, WAYMARK_DATA_DIR: dir, WAYMARK_NOW: now },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

/** The text and `data-value` of a figure. */
async function figure(testid) {
  const el = await driver.waitFor(`[data-testid="${testid}"]`);
  return { text: await driver.req("GET", driver.s(`/element/${el}/text`)), value: await driver.attr(el, "data-value") };
}

/** The drawn size of a chart's canvas (it must be there and not empty). */
async function canvasSize(testid) {
  await driver.waitFor(`[data-testid="${testid}"] canvas`);
  return driver.until(
    () =>
      driver.exec(
        `const c = document.querySelector('[data-testid="' + arguments[0] + '"] canvas');
         const r = c.getBoundingClientRect();
         return r.width > 0 && r.height > 0 && c.width > 0 ? { width: r.width, height: r.height } : null;`,
        [testid],
      ),
    { what: `the ${testid} chart drawn` },
  );
}

/** The right answer to a question, from its body. */
function rightAnswer(body) {
  switch (body.kind) {
    case "multiple_choice":
      return { kind: "choice", value: body.choices.findIndex((c) => c.correct) };
    case "true_false":
      return { kind: "bool", value: body.answer };
    case "short_answer":
      return { kind: "text", value: body.accepted[0] };
    default:
      return { kind: "self_grade", value: true };
  }
}

/** A wrong answer of the same kind as the right one. */
function wrongAnswer(right) {
  switch (right.kind) {
    case "choice":
      return { kind: "choice", value: right.value === 0 ? 1 : 0 };
    case "bool":
      return { kind: "bool", value: !right.value };
    case "text":
      return { kind: "text", value: "certainly not this" };
    default:
      return { kind: "self_grade", value: false };
  }
}

/** Marks today's only task done on Today; returns its planned minutes. */
async function finishTodaysTask() {
  await driver.click('[data-testid="nav-today"]');
  await driver.waitFor('[data-testid="task"]');
  assert.equal((await driver.findAll('[data-testid="task"]')).length, 1, "one task a day at 7 h a week");
  const today = await driver.invoke("today", { date: null });
  await driver.click('[data-testid="task"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="task"][data-status="done"]');
  return today.tasks[0].duration_minutes;
}

test("a fresh store says what to do first", async () => {
  await startApp(freshDir, noon(MONDAY));
  await driver.click('[data-testid="nav-stats"]');
  const empty = await driver.text('[data-testid="stats-empty"]');
  assert.match(empty, /No study yet/);
  assert.match(empty, /finish its first task/);
  assert.equal(await driver.attr(await driver.find('[data-testid="nav-stats"]'), "aria-current"), "page");
  await driver.screenshot("stats-empty");
  await driver.click('[data-testid="stats-create-goal"]');
  await driver.waitFor('[data-testid="goal-form"]');
  await stopApp();
});

test("two days of study, a passed test and three reviews show up as hand-checked figures", async () => {
  // Monday: the goal, its first task, the day's test (all right), three cards rated Good.
  await startApp(dataDir, noon(MONDAY));
  await driver.click('[data-testid="nav-new-goal"]');
  await driver.click('[data-testid="template-rust"]');
  await driver.type('[data-testid="goal-title"]', "Learn Rust");
  await driver.type("#goal-category", "Programming");
  await driver.type('[data-testid="goal-hours"]', "7");
  await driver.click('[data-testid="goal-submit"]');
  await driver.waitFor('[data-testid="goal-heading"]');
  const goalId = (await driver.exec("return location.hash")).split("/")[2];
  assert.equal(await finishTodaysTask(), 60);

  const test = await driver.invoke("today_test");
  assert.equal(test.state, "ready");
  const cards = new Map((await driver.invoke("goal_study", { goalId })).cards.map((c) => [c.id, c]));
  assert.equal(cards.size, 32, "the Rust template's starter questions");
  const answers = test.questions.map((q) => [q.id, rightAnswer(cards.get(q.id).body)]);
  const attempt = await driver.invoke("submit_test", { answers });
  assert.equal(attempt.passed, true);
  assert.equal(attempt.score, 1);
  for (const id of [...cards.keys()].slice(0, 3)) {
    await driver.invoke("rate_card", { cardId: id, rating: 3, durationMs: null });
  }
  await stopApp();

  // Tuesday: the day's task, 45 minutes recorded.
  await startApp(dataDir, noon(TUESDAY));
  assert.equal(await finishTodaysTask(), 60);
  await driver.setValue('[data-testid="task"] [data-testid="task-spent"]', "45");
  await driver.until(async () => (await driver.invoke("today", { date: null })).tasks[0].time_spent_minutes === 45, {
    what: "the 45 minutes saved",
  });

  await driver.click('[data-testid="nav-stats"]');
  await driver.waitFor('[data-testid="stats-sections"]');
  assert.deepEqual(await figure("stats-streak"), { text: "2 days", value: "2" });
  assert.deepEqual(await figure("stats-longest"), { text: "2 days", value: "2" });
  assert.deepEqual(await figure("stats-year-minutes"), { text: "1 h 45 min", value: "105" });
  assert.deepEqual(await figure("stats-active-days"), { text: "2", value: "2" });
  assert.match((await figure("stats-best-day")).text, /^1 h, Monday, (2 March|March 2)$/);
  assert.deepEqual(await figure("stats-week-minutes"), { text: "1 h 45 min", value: "105" });
  assert.deepEqual(await figure("stats-week-compliance"), { text: "100% · on track", value: "1" });
  assert.deepEqual(await figure("stats-tests-total"), { text: "1", value: "1" });
  assert.equal((await figure("stats-pass-rate")).text, "100%");
  assert.deepEqual(await figure("stats-perfect"), { text: "1", value: "1" });
  assert.deepEqual(await figure("stats-reviews"), { text: "3", value: "3" });
  assert.deepEqual(await figure("stats-due-today"), { text: "29", value: "29" });
  assert.deepEqual(await figure("stats-cards-new"), { text: "29", value: "29" });
  assert.deepEqual(await figure("stats-cards-review"), { text: "3", value: "3" });
  assert.equal((await figure("stats-retention")).text, "—", "no card was in the Review state yet");
  assert.deepEqual(await figure("stats-goals-total"), { text: "1", value: "1" });
  assert.deepEqual(await figure("stats-goals-completed"), { text: "0", value: "0" });

  // Real charts, drawn with a size, each with its numbers in words for assistive technology.
  for (const chart of ["chart-heatmap", "chart-weekly-time", "chart-compliance", "chart-tests", "chart-reviews", "chart-forecast", "chart-categories"]) {
    const size = await canvasSize(chart);
    assert.ok(size.width > 100 && size.height > 50, `${chart} is ${size.width}×${size.height}`);
  }
  const heatLabel = await driver.attr(await driver.find('[data-testid="chart-heatmap"] [role="img"]'), "aria-label");
  assert.match(heatLabel, /1 h 45 min on 2 days/);
  assert.match(await driver.text('[data-testid="chart-heatmap"] figcaption'), /Minutes studied per day/);
  assert.match(await driver.text('[data-testid="stats-revision"]'), /True retention shows once you review cards you had learned/);
  await driver.screenshot("stats-two-days");

  // The goal's summary: the same figures for this goal.
  await driver.click('[data-testid="nav-goals"]');
  await driver.click('[data-testid="goal-card"]');
  await driver.waitFor('[data-testid="goal-summary"] [data-testid="goal-week-minutes"]');
  assert.deepEqual(await figure("goal-week-minutes"), { text: "1 h 45 min", value: "105" });
  assert.equal((await figure("goal-pass-rate")).text, "100%");
  assert.ok((await canvasSize("chart-goal-weekly")).width > 100);
  assert.ok((await canvasSize("chart-goal-tests")).width > 100);
  assert.equal(await driver.text('[data-testid="stat-passed"]'), "1");
  await driver.screenshot("stats-goal-summary", { scrollTo: '[data-testid="goal-summary"]' });
  await stopApp();

  // The dark theme.
  await startApp(dataDir, noon(TUESDAY), { GTK_THEME: "Adwaita:dark" });
  await driver.click('[data-testid="nav-stats"]');
  await driver.waitFor('[data-testid="stats-sections"]');
  await canvasSize("chart-heatmap");
  assert.equal((await figure("stats-year-minutes")).value, "105");
  await driver.screenshot("stats-two-days-dark", { scrollTo: '[data-testid="stats-revision"]' });
  await stopApp();
});

test("ten weeks of study scripted through the command line, for the screenshots", async () => {
  const first = "2025-12-22";
  const last = TUESDAY;
  const at = (iso, minute = 0) => `${iso}T12:${String(minute).padStart(2, "0")}:00Z`;
  cli(seasonDir, at(first), ["goal", "add", "--title", "Learn Rust", "--category", "Programming", "--template", "rust", "--hours-per-week", "5"]);
  cli(seasonDir, at(first), ["goal", "add", "--title", "Spanish", "--category", "Languages", "--template", "spanish", "--hours-per-week", "2.5"]);
  const typing = cli(seasonDir, at(first), ["goal", "add", "--title", "Touch typing", "--category", "Skills", "--hours-per-week", "1"]);
  for (let d = 0; ; d++) {
    const day = addDays(first, d);
    if (day > last) break;
    if (d === 30) cli(seasonDir, at(day), ["goal", "status", typing.id, "completed"]);
    const today = cli(seasonDir, at(day), ["today"]);
    if (d % 9 !== 4 && day !== last) {
      for (const [i, task] of today.tasks.entries()) {
        if (task.status !== "planned") continue;
        if ((d + i) % 11 === 0) cli(seasonDir, at(day), ["task", "skip", task.id]);
        else cli(seasonDir, at(day), ["task", "done", task.id, "--minutes", String(Math.max(5, task.duration_minutes + ((d * 7 + i * 13) % 31) - 12))]);
      }
    }
    if (d % 7 === 1 && day !== last) {
      // Once a week the day's test, in the app: one, two or no answers wrong.
      await startApp(seasonDir, at(day, 20));
      const test = await driver.invoke("today_test");
      if (test.state === "ready") {
        const cards = new Map();
        for (const g of await driver.invoke("list_goals")) {
          for (const c of (await driver.invoke("goal_study", { goalId: g.id })).cards) cards.set(c.id, c);
        }
        const wrong = Math.floor(d / 7) % 3;
        const answers = test.questions.map((q, i) => {
          const right = rightAnswer(cards.get(q.id).body);
          return [q.id, i < wrong ? wrongAnswer(right) : right];
        });
        await driver.invoke("submit_test", { answers });
      }
      await stopApp();
    }
    if (d % 2 === 0) {
      const due = cli(seasonDir, at(day), ["review", "due", "--at", at(day, 30)]);
      for (const [k, card] of due.slice(0, 4 + (d % 3)).entries()) {
        const rating = (d + k) % 7 === 0 ? 1 : (d + k) % 5 === 0 ? 2 : (d + k) % 4 === 0 ? 4 : 3;
        cli(seasonDir, at(day), ["review", "rate", card.id, String(rating), "--at", at(day, 30 + k)]);
      }
    }
  }
  const expected = cli(seasonDir, at(last, 1), ["stats"]);
  assert.ok(expected.study.active_days > 40, `${expected.study.active_days} days of study`);
  assert.ok(expected.revision.retention !== null && expected.goals.completed === 1);
  assert.ok(expected.tests.totals.total >= 8 && expected.tests.totals.perfect >= 1, JSON.stringify(expected.tests.totals));

  for (const [theme, name] of [
    [{}, "stats"],
    [{ GTK_THEME: "Adwaita:dark" }, "stats-dark"],
  ]) {
    await startApp(seasonDir, at(last, 1), theme);
    await driver.click('[data-testid="nav-stats"]');
    await driver.waitFor('[data-testid="stats-sections"]');
    await canvasSize("chart-heatmap");
    assert.equal(Number((await figure("stats-year-minutes")).value), expected.study.total_minutes);
    assert.equal(Number((await figure("stats-streak")).value), expected.study.streak.current);
    assert.equal(Number((await figure("stats-reviews")).value), expected.revision.days.reduce((n, d) => n + d.again + d.hard + d.good + d.easy, 0));
    assert.equal(Number((await figure("stats-goals-completed")).value), 1);
    assert.equal(Number((await figure("stats-tests-total")).value), expected.tests.totals.total);
    assert.equal(Number((await figure("stats-perfect")).value), expected.tests.totals.perfect);
    await canvasSize("chart-tests");
    await canvasSize("chart-retention");
    await canvasSize("chart-steps");
    await driver.screenshot(name);
    await driver.screenshot(`${name}-weeks`, { scrollTo: '[data-testid="stats-weekly"]' });
    await driver.screenshot(`${name}-revision`, { scrollTo: '[data-testid="stats-revision"]' });
    await driver.screenshot(`${name}-goals`, { scrollTo: '[data-testid="stats-goals"]' });
    await stopApp();
  }
});
