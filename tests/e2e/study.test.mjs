// End-to-end: verification tests and FSRS revision in the built app, on a
// pinned clock (WAYMARK_NOW). A learner starts a goal from the Rust template
// (it brings a starter question bank), is refused a question without a right
// choice, adds one and imports two cards, reviews every due card Good, finishes
// a task, takes the day's test with one wrong answer, and — the next day — finds
// exactly that question due for review.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Driver, KEYS, removeDir, tempDataDir } from "./webdriver.mjs";

const dataDir = tempDataDir();
const workDir = tempDataDir();
let driver = null;

/** YYYY-MM-DD plus `days` (calendar arithmetic in UTC). */
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const day1 = new Date().toISOString().slice(0, 10);
const noon = (iso) => `${iso}T12:00:00Z`;

/** Starts the app with the clock pinned at `now` (and any more env). */
async function startApp(now, env = {}) {
  driver = new Driver({ dataDir, env: { WAYMARK_NOW: now, ...env } });
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
  removeDir(workDir);
});

const attr = (el, name) => driver.attr(el, name);
const count = async (css) => (await driver.findAll(css)).length;
/** The data-count of an element, as a number. */
async function dataCount(css) {
  return Number(await attr(await driver.waitFor(css), "data-count"));
}

/** Rates every due card Good (key 3) until the queue is empty; returns how many. */
async function reviewAllGood({ screenshot } = {}) {
  await driver.click('[data-testid="nav-review"]');
  let rated = 0;
  for (;;) {
    const state = await driver.until(
      () =>
        driver.exec(`
          if (document.querySelector('[data-testid="review-empty"]')) return "empty";
          return document.querySelector('[data-testid="review-card"]')?.dataset.cardId ?? null;`),
      { what: "a review card or the empty state" },
    );
    if (state === "empty") break;
    assert.ok(rated < 100, "the review queue ends");
    const left = await dataCount('[data-testid="review-count"]');
    await driver.keys(KEYS.Space);
    await driver.waitFor('[data-testid="review-back"]');
    // The rating buttons say when the card comes back.
    assert.equal(await driver.text('[data-testid="rate-1-interval"]'), "10 min");
    assert.match(await driver.text('[data-testid="rate-3-interval"]'), /^\d+ d$/);
    if (rated === 0 && screenshot) await driver.screenshot(screenshot);
    await driver.keys("3");
    await driver.until(
      () =>
        driver.exec(
          `const card = document.querySelector('[data-testid="review-card"]');
           return !!document.querySelector('[data-testid="review-empty"]') || (card && card.dataset.cardId !== arguments[0]);`,
          [state],
        ),
      { what: "the next card" },
    );
    rated += 1;
    if (!(await count('[data-testid="review-empty"]'))) {
      assert.equal(await dataCount('[data-testid="review-count"]'), left - 1, "one card less due");
    }
  }
  assert.match(await driver.text('[data-testid="review-empty"]'), /All caught up/);
  return rated;
}

/** The goal's questions by id, straight from the desktop (to know the right answers). */
async function questionsOf(goalId) {
  const study = await driver.invoke("goal_study", { goalId });
  return new Map(study.cards.map((c) => [c.id, c]));
}

/** Answers the question on screen, right or wrong, with the keyboard where the learner would. */
async function answer(question, right) {
  const body = question.body;
  switch (body.kind) {
    case "multiple_choice": {
      const good = body.choices.findIndex((c) => c.correct);
      const pick = right ? good : (good + 1) % body.choices.length;
      await driver.keys(String(pick + 1));
      await driver.waitFor(`[data-testid="test-choice-${pick}"] input`, {
        until: async (el) => (await driver.req("GET", driver.s(`/element/${el}/selected`))) === true,
      });
      await driver.keys(KEYS.Enter);
      break;
    }
    case "true_false":
      await driver.keys(body.answer === right ? "t" : "f");
      break;
    case "short_answer":
      await driver.type('[data-testid="test-text"]', `${right ? body.accepted[0] : "certainly not this"}${KEYS.Enter}`);
      break;
    case "recall":
      await driver.keys(KEYS.Space);
      await driver.waitFor('[data-testid="test-back"]');
      await driver.keys(right ? "y" : "n");
      break;
    default:
      throw new Error(`unknown kind ${body.kind}`);
  }
}

test("questions → review all Good → daily test with a wrong answer → only that question due the next day", async () => {
  await startApp(noon(day1));

  // A goal from the Rust template: eight steps, four starter questions each.
  const goalId = await driver.createGoal("rust", "Learn Rust", 7);
  assert.ok(goalId, "the goal's id is in the address");
  await driver.waitFor('[data-testid="questions"] [data-testid="question-item"]');
  const starter = await count('[data-testid="question-item"]');
  assert.equal(starter, 32, "4 starter questions for each of the 8 steps");
  assert.match(await driver.text('[data-testid="test-stats"]'), /No tests yet/);

  // A multiple-choice question without a right choice is refused, and nothing is added.
  await driver.click('[data-testid="add-question"]');
  await driver.waitFor('[data-testid="question-form"]');
  await driver.setValue('[data-testid="q-kind"]', "multiple_choice");
  await driver.setValue('[data-testid="q-step"]', "");
  await driver.type('[data-testid="q-prompt"]', "Which keyword makes a binding mutable?");
  await driver.type('[data-testid="q-choice-0"]', "mut");
  await driver.type('[data-testid="q-choice-1"]', "let");
  await driver.type('[data-testid="q-choice-2"]', "const");
  await driver.click('[data-testid="q-save"]');
  const refusal = await driver.text('[data-testid="question-form"] [data-testid="error"]');
  assert.match(refusal, /mark exactly one choice as correct/);
  const choicesField = await driver.find('[data-testid="question-form"] fieldset.choices');
  assert.match(await attr(choicesField, "class"), /invalid/, "the choices are outlined");
  assert.equal(await count('[data-testid="question-item"]'), starter, "nothing was added");
  await driver.screenshot("study-question-form", { scrollTo: '[data-testid="questions"]' });

  // Marked right, it is added (goal-wide).
  await driver.click('[data-testid="q-correct-0"]');
  await driver.click('[data-testid="q-save"]');
  await driver.until(async () => (await count('[data-testid="question-item"]')) === starter + 1, { what: "the new question" });
  assert.equal(await count('[data-testid="question-form"]'), 0, "the form closed");
  assert.match(await driver.text('[data-testid="question-group"][data-step=""]'), /Which keyword makes a binding mutable\?/);

  // Import cards from an Anki-style file with one bad line: asked first, then the two good ones.
  const file = join(workDir, "cards.txt");
  writeFileSync(file, "What does `cargo fmt` do?\tFormats the code\tcargo\nA line without a back\nWhat is `rustup`?\tThe Rust toolchain installer\n");
  await driver.upload('[data-testid="import-cards-input"]', file);
  const check = await driver.text('[data-testid="import-cards-check"]');
  assert.match(check, /line 2: /);
  assert.match(check, /Import the 2 valid cards\?/);
  assert.equal(await count('[data-testid="question-item"]'), starter + 1, "nothing imported before the answer");
  await driver.click('[data-testid="import-cards-confirm"]');
  assert.match(await driver.text('[data-testid="import-cards-done"]'), /Imported 2 cards/);
  await driver.until(async () => (await count('[data-testid="question-item"]')) === starter + 3, { what: "the imported cards" });
  await driver.screenshot("study-questions", { scrollTo: '[data-testid="questions"]' });

  // Today: every question is a new card, due now; no task done, so no test yet.
  await driver.click('[data-testid="nav-today"]');
  assert.equal(await dataCount('[data-testid="reviews-due"]'), starter + 3);
  assert.match(await driver.text('[data-testid="reviews-due"]'), new RegExp(`^${starter + 3} reviews due$`));
  assert.equal(await attr(await driver.find('[data-testid="test-state"]'), "data-state"), "nothing_to_test");
  assert.equal(await driver.text('[data-testid="nav-review-count"]'), String(starter + 3));

  // Review: Space shows the answer, 3 rates it Good, until all are done.
  await driver.click('[data-testid="start-review"]');
  const rated = await reviewAllGood({ screenshot: "study-review" });
  assert.equal(rated, starter + 3);
  await driver.screenshot("study-review-empty");

  // Finish today's first task: the test is ready.
  await driver.click('[data-testid="nav-today"]');
  assert.match(await driver.text('[data-testid="reviews-due"]'), /^No reviews due$/);
  await driver.click('[data-testid="task"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="test-state"]', { until: async (el) => (await attr(el, "data-state")) === "ready" });
  assert.equal(await driver.text('[data-testid="test-state"]'), "Today's test is ready");
  await driver.screenshot("study-today");

  // The test: the first answer wrong, the rest right.
  await driver.click('[data-testid="take-test"]');
  const questions = await questionsOf(goalId);
  let firstPrompt = null;
  let total = 0;
  const shot = new Set();
  for (let i = 0; ; i++) {
    const q = await driver.waitFor('[data-testid="test-question"]', {
      until: async (el) => (await driver.text('[data-testid="test-progress"]')).startsWith(`${i + 1} / `) && !!el,
    });
    const id = await attr(q, "data-question-id");
    total = Number((await driver.text('[data-testid="test-progress"]')).split(" / ")[1]);
    assert.ok(total >= 3 && total <= 10, `a test asks 3 to 10 questions, not ${total}`);
    const question = questions.get(id);
    assert.ok(question, "the question is one of the goal's");
    assert.ok(question.step_id, "test questions belong to a step");
    if (i === 0) {
      firstPrompt = await driver.text('[data-testid="test-prompt"]');
      assert.equal(firstPrompt, question.prompt);
      await driver.screenshot("study-test-question");
    }
    await answer(question, i !== 0);
    const feedback = await driver.waitFor('[data-testid="test-feedback"]');
    assert.equal(await attr(feedback, "data-correct"), String(i !== 0), `question ${i + 1} was marked as answered`);
    if (i === 0) assert.match(await driver.text('[data-testid="test-feedback"]'), /Not quite/);
    if (!shot.has(question.body.kind)) {
      shot.add(question.body.kind);
      await driver.screenshot(`study-test-feedback-${question.body.kind}`);
    }
    // Enter goes on (the Next button has the focus).
    await driver.keys(KEYS.Enter);
    if (i + 1 === total) break;
  }
  const result = await driver.waitFor('[data-testid="test-result"]');
  const passed = (total - 1) / total >= 0.7;
  assert.equal(await attr(result, "data-passed"), String(passed));
  const resultText = await driver.text('[data-testid="test-result"]');
  assert.match(resultText, new RegExp(`${total - 1} of ${total} right`));
  assert.match(resultText, passed ? /Passed/ : /Not passed yet/);
  assert.ok((await driver.text('[data-testid="test-wrong"]')).includes(firstPrompt), "the wrong one is listed");
  await driver.screenshot("study-test-result");

  // Back on Today, the test state says how it went; the goal counts the test.
  await driver.click('[data-testid="test-back-today"]');
  const state = await driver.waitFor('[data-testid="test-state"]');
  assert.equal(await attr(state, "data-state"), passed ? "passed" : "failed");
  assert.equal(await driver.text('[data-testid="test-state"]'), passed ? `Passed — ${total - 1} of ${total}` : "Not passed yet — retake");
  await driver.screenshot("study-today-tested");
  // Retaking is allowed: Today's button starts a new attempt at once.
  await driver.click('[data-testid="take-test"]');
  assert.match(await driver.text('[data-testid="test-progress"]'), /^1 \/ \d+$/);
  await driver.click('[data-testid="nav-goals"]');
  await driver.click('[data-testid="goal-card"]');
  const stats = await driver.waitFor('[data-testid="test-stats"]', { until: async (el) => (await attr(el, "data-total")) === "1" });
  assert.ok(stats);
  assert.match(await driver.text('[data-testid="stat-passed"]'), passed ? /^1$/ : /^0$/);
  await driver.screenshot("study-goal-stats", { scrollTo: '[data-testid="test-stats"]' });

  // The next day (dark theme): exactly the question answered wrong is due.
  await stopApp();
  await startApp(noon(addDays(day1, 1)), { GTK_THEME: "Adwaita:dark" });
  await driver.click('[data-testid="nav-review"]');
  assert.equal(await dataCount('[data-testid="review-count"]'), 1);
  assert.equal(await driver.text('[data-testid="review-prompt"]'), firstPrompt);
  await driver.keys(KEYS.Space);
  await driver.waitFor('[data-testid="review-back"]');
  await driver.screenshot("study-review-dark");

  await driver.click('[data-testid="nav-today"]');
  assert.equal(await dataCount('[data-testid="reviews-due"]'), 1);
  await driver.screenshot("study-today-dark");
  await driver.click('[data-testid="nav-goals"]');
  await driver.click('[data-testid="goal-card"]');
  await driver.waitFor('[data-testid="questions"]');
  await driver.screenshot("study-goal-stats-dark", { scrollTo: '[data-testid="test-stats"]' });
  // Today's test on the next day, in the dark theme.
  await driver.click('[data-testid="nav-today"]');
  await driver.click('[data-testid="task"][data-status="planned"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="test-state"]', { until: async (el) => (await attr(el, "data-state")) === "ready" });
  await driver.click('[data-testid="take-test"]');
  await driver.waitFor('[data-testid="test-question"]');
  await driver.screenshot("study-test-dark");
});

test("Settings › Study: pass mark and retention are saved; optimising needs 400 reviews", async () => {
  if (!driver) await startApp(noon(addDays(day1, 1)));
  await driver.click('[data-testid="nav-settings"]');
  await driver.type('[data-testid="study-pass-mark"]', "80");
  await driver.type('[data-testid="study-retention"]', "92");
  await driver.click('[data-testid="study-save"]');
  await driver.waitFor('[data-testid="study-saved"]');
  // Out of range: the message, the field outlined.
  await driver.type('[data-testid="study-retention"]', "99");
  await driver.click('[data-testid="study-save"]');
  assert.match(await driver.text('[data-testid="study-error"]'), /desired_retention/);
  const field = await driver.find('[data-testid="study-retention"]');
  assert.equal(await attr(field, "aria-invalid"), "true");
  await driver.click('[data-testid="optimize-fsrs"]');
  assert.match(await driver.text('[data-testid="optimize-result"]'), /400 reviews/);
  await driver.screenshot("study-settings", { scrollTo: '[data-testid="study-pass-mark"]' });
  // The pass mark reached the test.
  const t = await driver.invoke("today_test");
  assert.equal(t.pass_mark, 0.8);
});
