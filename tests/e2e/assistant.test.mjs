// End-to-end: the assistant in the built app against a real OpenAI-compatible
// server — llama.cpp's (the xllamacpp wheel) with SmolLM2-135M-Instruct, both
// from `make deps-ai` — with the API key kept in a real GNOME Keyring.
// The learner sets the assistant up in Settings (a wrong port first, with its
// message), tests it, drafts a roadmap for a goal no template covers, sees the
// preview with its plan while nothing is written, adds the steps, stops a
// second draft halfway, and takes questions the model suggests for a step.
// WAYMARK_AI_TUNING keeps the tiny model's replies short and repeatable.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { once } from "node:events";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Driver, filesUnder, freePort, removeDir, tempDataDir } from "./webdriver.mjs";

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

async function saveAssistant(url) {
  await driver.type('[data-testid="assistant-url"]', url);
  await driver.type('[data-testid="assistant-model"]', ai.model);
  await driver.type('[data-testid="assistant-key"]', KEY);
  await driver.click('[data-testid="assistant-save"]');
  await driver.until(async () => /^On/.test(await status()), { what: "the assistant on" });
}

test("set the assistant up, draft a roadmap, add it, and take suggested questions", { timeout: 900_000 }, async () => {
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
  const generated = await driver.invoke("generated_questions", { goalId });
  assert.equal(generated.length, suggested, "they are marked as generated");
});
