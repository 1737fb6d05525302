// End-to-end: the learner's data in the built app. A learner exports
// everything, deletes all data (typing the phrase), imports the file and finds
// the goal back; takes a backup, sees it listed, and restores it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Driver, removeDir, tempDataDir } from "./webdriver.mjs";

const dataDir = tempDataDir();
const workDir = tempDataDir();
const exportDir = join(workDir, "exports");
const driver = new Driver({ dataDir, env: { WAYMARK_EXPORT_DIR: exportDir } });

/** The dialog that is open (Settings has several). */
const OPEN = "dialog[open]";

before(async () => {
  await driver.start();
});

after(async () => {
  await driver.stop();
  removeDir(dataDir);
  removeDir(workDir);
});

async function goalTitles() {
  return (await driver.invoke("list_goals")).map((g) => g.title);
}

test("export → delete all (typed) → import the file → the goal is back", async () => {
  await driver.launch();
  await driver.click('[data-testid="nav-new-goal"]');
  await driver.click('[data-testid="template-rust"]');
  await driver.type('[data-testid="goal-title"]', "Learn Rust");
  await driver.type('[data-testid="goal-hours"]', "7");
  await driver.click('[data-testid="goal-submit"]');
  assert.equal(await driver.text('[data-testid="goal-heading"]'), "Learn Rust");

  // Export everything: the app says where the file went.
  await driver.click('[data-testid="nav-settings"]');
  await driver.click('[data-testid="data-export"]');
  const saved = await driver.text('[data-testid="export-path"]');
  assert.equal(dirname(saved), exportDir);
  assert.ok(existsSync(saved), "the export file exists");
  const file = JSON.parse(readFileSync(saved, "utf8"));
  assert.equal(file.format, "waymark-export");
  assert.equal(file.version, 1);
  assert.equal(file.counts.goals, 1);
  assert.match(file.checksum, /^[0-9a-f]{64}$/);

  // Delete all: the button stays off until the phrase is typed.
  await driver.click('[data-testid="data-delete-all"]');
  const ok = await driver.waitFor(`${OPEN} [data-testid="confirm-ok"]`);
  assert.equal(await driver.attr(ok, "disabled"), "true", "refused without the phrase");
  await driver.type(`${OPEN} [data-testid="confirm-phrase"]`, "delete my data");
  await driver.click(`${OPEN} [data-testid="confirm-ok"]`);
  assert.match(await driver.text('[data-testid="data-note"]'), /Deleted \d+ documents/);
  assert.deepEqual(await goalTitles(), []);

  // Import the file: a preview first, then the report.
  await driver.upload('[data-testid="data-import-input"]', saved);
  const preview = await driver.text('[data-testid="data-import-preview"]');
  assert.match(preview, /Everything goes in as it was/);
  await driver.screenshot("settings-data-import", { scrollTo: '[data-testid="data-settings"]' });
  await driver.click('[data-testid="data-import-confirm"]');
  const report = await driver.text('[data-testid="data-import-report"]');
  assert.match(report, new RegExp(`Imported: ${Object.values(file.counts).reduce((a, b) => a + b, 0)} added, 0 updated`));
  assert.deepEqual(await goalTitles(), ["Learn Rust"]);
  await driver.click('[data-testid="nav-today"]');
  await driver.waitFor('[data-testid="task"]');
});

test("back up now → the list shows it → restore it after a change", async () => {
  await driver.click('[data-testid="nav-settings"]');
  await driver.click('[data-testid="backup-now"]');
  assert.match(await driver.text('[data-testid="data-note"]'), /Backed up \d+ documents/);
  const items = await driver.findAll('[data-testid="backup-item"]');
  assert.ok(items.length >= 1, "the backup is listed");
  const newest = await driver.text('[data-testid="backup-item"]');
  assert.match(newest, /kB · \d+ documents/);

  await driver.invoke("create_goal", {
    input: { title: "Learn Spanish", hours_per_week: 3 },
    template: null,
  });
  assert.equal((await goalTitles()).length, 2);

  await driver.click('[data-testid="backup-item"] [data-testid="backup-restore"]');
  await driver.click(`${OPEN} [data-testid="confirm-ok"]`);
  assert.match(await driver.text('[data-testid="data-note"]'), /Restored the backup of .*What you had before is in the backup/);
  assert.deepEqual(await goalTitles(), ["Learn Rust"]);
  await driver.screenshot("settings-data", { scrollTo: '[data-testid="data-settings"]' });
  const after = await driver.findAll('[data-testid="backup-item"]');
  assert.equal(after.length, items.length + 1, "the state before the restore was backed up");
});
