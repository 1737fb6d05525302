// End-to-end: the assistant in the built app against a real OpenAI-compatible
// server — llama.cpp's (the xllamacpp wheel) with SmolLM2-135M-Instruct, both
// from `make deps-ai` — with the API key kept in a real GNOME Keyring.
// The learner sets the assistant up in Settings (a wrong port first, with its
// message), tests it, drafts a roadmap for a goal no template covers, sees the
// preview with its plan while nothing is written, adds the steps, stops a
// second draft halfway, takes questions the model suggests for a step, fills
// the steps that have none (a step added by hand among them), takes the day's
// test with the generated questions, and deletes them all at once.
// WAYMARK_AI_TUNING keeps the tiny model's replies short and repeatable.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Driver, KEYS, filesUnder, freePort, removeDir, tempDataDir } from "./webdriver.mjs";

const KEY = "sk-e2e-assistant-93";
const AI_PYTHON = join(homedir(), ".cache/waymark/ai-venv/bin/python");
const SERVER = new URL("../ai/server.py", import.meta.url).pathname;
// Short texts keep llama.cpp's schema grammar cheap: with longer maxLength
// caps the tiny model writes a few tokens a second on two cores.
const TUNING = "max_steps=2,max_questions=2,max_tokens=900,max_text=32,temperature=0,seed=7";
const MODEL_WAIT = 240_000;
const dataDir = tempDataDir();
const driver = new Driver({ dataDir, keyring: true, env: { WAYMARK_AI_TUNING: TUNING } });
let server;
let ai;


/** Starts the llama.cpp server and reads the line that says where it listens. */
async function startServer() {
  // One thread: the window needs the other core, and llama.cpp's threads slow
  // down many times over when they have to share one.
  const args = [SERVER, "--key", KEY, "--parallel", "1", "--threads", "1"];
  server = spawn(AI_PYTHON, args, { stdio: ["pipe", "pipe", "ignore"] });
  const lines = createInterface({ input: server.stdout });
  const [line] = await once(lines, "line");
  return JSON.parse(line);
}


before(async () => {
  ai = await startServer();
  await driver.start();
});

after(async () => {
  server?.stdin.end();
  server?.kill();
  try {
    await driver.stop();
  } finally {
    removeDir(dataDir);
  }
});

/** The error banners on the page, for a failure's message. */
async function errors() {
  const banners = await driver.findAll('[role="alert"], .banner.warn, [data-testid="questions-draft"] p.muted');
  return (await Promise.all(banners.map((b) => driver.req("GET", driver.s(`/element/${b}/text`))))).join(" | ") || "no error shown";
}

const status = () => driver.text('[data-testid="assistant-status"]');
const count = async (css) => (await driver.findAll(css)).length;
/** The goal's questions the assistant wrote, straight from the desktop. */
const generatedOf = async (goalId) => driver.invoke("generated_questions", { goalId });

async function saveAssistant(url) {
  await driver.type('[data-testid="assistant-url"]', url);
  await driver.type('[data-testid="assistant-model"]', ai.model);
  await driver.type('[data-testid="assistant-key"]', KEY);
  await driver.click('[data-testid="assistant-save"]');
  await driver.until(async () => /^On/.test(await status()), { what: "the assistant on" });
}

test("set the assistant up, draft a roadmap, add it, take suggested questions, fill the gaps, test and delete them", { timeout: 1_500_000 }, async () => {
  await driver.launch();
  await driver.click('[data-testid="nav-settings"]');
  assert.match(await status(), /^Off/);

  // A port where nothing listens: saved, but Test says so in words.
  await saveAssistant(`http://127.0.0.1:${await freePort()}/v1`);
  await driver.click('[data-testid="assistant-test"]');
  assert.match(await driver.text('[data-testid="assistant-error"]'), /nothing answers at 127\.0\.0\.1:\d+ \(connection refused\)/);

  // The real server: Test lists its model and makes one tiny request.
  await saveAssistant(ai.url);
  await driver.click('[data-testid="assistant-test"]');
  const checked = await driver.waitFor('[data-testid="assistant-checked"]', { timeout: MODEL_WAIT });
  assert.ok(checked);
  assert.match(await driver.text('[data-testid="assistant-checked"]'), new RegExp(ai.model));
  await driver.screenshot("assistant-settings", { scrollTo: '[data-testid="assistant-settings"]' });
  const view = await driver.invoke("assistant_view");
  assert.equal(view.key_source, "keyring", "the key is read back from the keyring");
  assert.equal(view.local, true);
  for (const file of filesUnder(dataDir)) {
    assert.ok(!readFileSync(file).includes(KEY), `the API key is written in ${file}`);
  }

  // A goal no template covers.
  await driver.click('[data-testid="nav-new-goal"]');
  await driver.click('[data-testid="template-none"]');
  await driver.type('[data-testid="goal-title"]', "Learn Kubernetes");
  await driver.type('[data-testid="goal-hours"]', "5");
  await driver.click('[data-testid="goal-submit"]');
  await driver.waitFor('[data-testid="goal-heading"]');
  const goalId = (await driver.exec("return location.hash")).split("/")[2];

  // The draft: streamed, previewed with its plan, nothing written yet.
  await driver.click('[data-testid="draft-open"]');
  await driver.type('[data-testid="draft-known"]', "Docker and Linux basics");
  await driver.click('[data-testid="draft-propose"]');
  await driver.waitFor('[data-testid="ai-writing"]', { timeout: MODEL_WAIT });
  await driver.waitFor('[data-testid="draft-step"]', { timeout: MODEL_WAIT });
  const proposed = (await driver.findAll('[data-testid="draft-step"]')).length;
  assert.ok(proposed >= 1 && proposed <= 2, `${proposed} steps proposed (at most max_steps)`);
  const plan = await driver.text('[data-testid="draft-plan-append"]');
  assert.match(plan, /As your roadmap/);
  assert.match(plan, /step.* · ~\d/);
  assert.equal((await driver.invoke("goal_view", { id: goalId })).steps.length, 0, "nothing is written before Accept");
  await driver.screenshot("assistant-roadmap-draft", { scrollTo: '[data-testid="roadmap-draft"]' });

  // An edit before Accept is what is written.
  await driver.type('[data-testid="draft-step-title"]', "Pods and deployments");
  await driver.click('[data-testid="draft-accept-append"]');
  await driver.until(async () => (await driver.findAll('[data-testid="step"]')).length === proposed, {
    what: `the drafted steps in the roadmap (${await errors()})`,
  });
  const written = await driver.invoke("goal_view", { id: goalId });
  assert.equal(written.steps[0].title, "Pods and deployments");
  assert.ok(written.upcoming.length > 0, "the new steps are planned into days");
  assert.equal((await driver.findAll('[data-testid="roadmap-draft"]')).length, 0, "the draft closes once accepted");

  // A second draft stopped halfway leaves no error and writes nothing.
  await driver.click('[data-testid="draft-open"]');
  await driver.click('[data-testid="draft-propose"]');
  await driver.until(async () => /The model is writing/.test(await driver.text('[data-testid="ai-writing"]')), {
    timeout: MODEL_WAIT,
    what: "the second draft to stream",
  });
  await driver.click('[data-testid="draft-stop"]');
  await driver.waitFor('[data-testid="draft-propose"]', { timeout: 10_000 });
  assert.equal((await driver.findAll('[data-testid="ai-error"]')).length, 0, "a stop is not an error");
  assert.equal((await driver.invoke("goal_view", { id: goalId })).steps.length, proposed);
  await driver.click('button[aria-label="Close the draft"]');

  // Questions for the first step, kept and added to the step's cards.
  const before = (await driver.findAll('[data-testid="question-item"]')).length;
  // True or false only (the tiny model's multiple-choice options repeat, and
  // are rightly left out); three asked for, at most max_questions come back.
  await driver.click('[data-testid="step-suggest-0"]');
  await driver.setValue('[data-testid="qdraft-count"]', "3");
  for (const kind of ["multiple_choice", "short_answer", "recall"]) await driver.click(`[data-testid="qdraft-kind-${kind}"]`);
  await driver.click('[data-testid="qdraft-propose"]');
  await driver.waitFor('[data-testid="qdraft-question"]', { timeout: MODEL_WAIT }).catch(async (e) => {
    throw new Error(`${e.message} (${await errors()})`);
  });
  const suggested = (await driver.findAll('[data-testid="qdraft-question"]')).length;
  assert.ok(suggested >= 1 && suggested <= 2, `${suggested} questions suggested (at most max_questions)`);
  const kinds = await driver.exec(
    `return [...document.querySelectorAll('[data-testid="qdraft-question"] .muted')].map((p) => p.textContent)`,
  );
  assert.ok(kinds.every((k) => /^True or false · answer: (True|False)$/.test(k)), `only the kinds asked for: ${kinds}`);
  await driver.screenshot("assistant-questions-draft", { scrollTo: '[data-testid="questions-draft"]' });
  await driver.click('[data-testid="qdraft-accept"]');
  await driver.until(async () => (await driver.findAll('[data-testid="question-item"]')).length === before + suggested, {
    what: "the suggested questions among the goal's questions",
  });
  assert.equal((await generatedOf(goalId)).length, suggested, "they are marked as generated");
  assert.equal(await count('[data-testid="question-generated"]'), suggested, "and show the model that wrote them");

  // A step added by hand: with the drafted ones after the first, the gaps to fill.
  await driver.click('[data-testid="step-add"]');
  await driver.type('[data-testid="step-title"]', "Helm charts");
  await driver.type('[data-testid="step-duration"]', "1 week");
  await driver.click('[data-testid="step-submit"]');
  await driver.until(async () => (await count('[data-testid="step"]')) === proposed + 1, { what: "the step added by hand" });
  const gaps = proposed;

  // Fill the gaps: true or false only, step after step with a progress bar.
  await driver.click('[data-testid="fill-open"]');
  assert.match(await driver.text('[data-testid="fill-gaps"]'), new RegExp(`${gaps} steps? without questions`));
  for (const kind of ["multiple_choice", "short_answer", "recall"]) await driver.click(`[data-testid="fill-kind-${kind}"]`);
  await driver.click('[data-testid="fill-start"]');
  await driver.waitFor('[data-testid="fill-progress"]', { timeout: 10_000 });
  const done = await driver.waitFor('[data-testid="fill-done"]', { timeout: MODEL_WAIT * gaps }).catch(async (e) => {
    throw new Error(`${e.message} (${await errors()})`);
  });
  assert.ok(done);
  const filled = Number((await driver.text('[data-testid="fill-done"]')).match(/Added (\d+) questions?/)[1]);
  const generated = await generatedOf(goalId);
  assert.equal(generated.length, suggested + filled, "what Fill the gaps added is marked as generated");
  const study = await driver.invoke("goal_study", { goalId });
  const stepIds = (await driver.invoke("goal_view", { id: goalId })).steps.map((s) => s.id);
  const asked = new Set(study.cards.map((c) => c.step_id));
  const filledSteps = stepIds.slice(1).filter((s) => asked.has(s)).length;
  assert.match(await driver.text('[data-testid="fill-done"]'), new RegExp(`to ${filledSteps} steps?`));
  assert.ok(generated.every((c) => c.question.body.kind === "true_false"), "only the kinds asked for");
  await driver.until(async () => (await count('[data-testid="question-item"]')) === before + suggested + filled, {
    what: "the filled questions on the goal page",
  });
  await driver.screenshot("assistant-fill-gaps", { scrollTo: '[data-testid="fill-gaps"]' });
  await driver.click('button[aria-label="Close Fill the gaps"]');

  // Today: the first task (of the first step) done, the day's test asks the generated questions.
  await driver.click('[data-testid="nav-today"]');
  await driver.click('[data-testid="task"] [data-testid="task-done"]');
  await driver.waitFor('[data-testid="test-state"]', {
    until: async (el) => (await driver.attr(el, "data-state")) === "ready",
  });
  await driver.click('[data-testid="take-test"]');
  const byId = new Map(generated.map((c) => [c.id, c.question]));
  let total = 0;
  for (let i = 0; ; i++) {
    const q = await driver.waitFor('[data-testid="test-question"]', {
      until: async (el) => (await driver.text('[data-testid="test-progress"]')).startsWith(`${i + 1} / `) && !!el,
    });
    total = Number((await driver.text('[data-testid="test-progress"]')).split(" / ")[1]);
    const question = byId.get(await driver.attr(q, "data-question-id"));
    assert.ok(question, "the test asks a generated question");
    assert.equal(question.step_id, stepIds[0], "of the step studied today");
    await driver.keys(question.body.answer ? "t" : "f");
    await driver.waitFor('[data-testid="test-feedback"][data-correct="true"]');
    await driver.keys(KEYS.Enter);
    if (i + 1 === total) break;
  }
  assert.equal(total, suggested, "the test asks the questions of the step studied, all of them when fewer than 3");
  const result = await driver.waitFor('[data-testid="test-result"]');
  assert.equal(await driver.attr(result, "data-passed"), "true");
  assert.match(await driver.text('[data-testid="test-result"]'), new RegExp(`${total} of ${total} right`));

  // Back on the goal: only the generated ones, then all of them deleted at once.
  await driver.exec(`location.hash = "#/goal/${goalId}"`);
  await driver.waitFor('[data-testid="questions"]');
  await driver.click('[data-testid="only-generated"]');
  await driver.until(async () => (await count('[data-testid="question-item"]')) === generated.length, {
    what: "only the generated questions listed",
  });
  await driver.click('[data-testid="delete-generated"]');
  await driver.click('dialog[open] [data-testid="confirm-ok"]');
  assert.match(await driver.text('[data-testid="delete-generated-done"]'), new RegExp(`Deleted ${generated.length} generated questions?`));
  assert.equal((await generatedOf(goalId)).length, 0, "no generated question is left");
  await driver.until(async () => (await count('[data-testid="question-item"]')) === before, {
    what: "the questions written by hand (none) left",
  });
});
