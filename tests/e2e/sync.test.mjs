// End-to-end: sync in the built app against a real MongoDB wire server
// (`polodb serve`), with the connection string kept in a real GNOME Keyring.
// The learner tests a wrong address and a right one, turns sync on, and the
// plan made in the window reaches a second desktop (the same binary's CLI
// with its own data folder) by the background sync; the laptop's goal comes
// back with Sync now; the same goal changed on both ends in a conflict the
// learner settles in the window; Delete my remote data empties the remote.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Driver, filesUnder, freePort, removeDir, tempDataDir } from "./webdriver.mjs";

const SECRET = "e2e-secret-41";
const dataDir = tempDataDir();
const laptopDir = tempDataDir();
const serverDir = tempDataDir();
const driver = new Driver({ dataDir, keyring: true });
let server;
let port;


function polodb() {
  const onPath = (process.env.PATH ?? "").split(":").map((d) => join(d, "polodb"));
  const found = [...onPath, join(homedir(), ".cargo/bin/polodb")].find((p) => existsSync(p));
  if (!found) throw new Error("polodb is missing: make test installs it (cargo install polodb --locked)");
  return found;
}

async function listening(port) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const ok = await new Promise((done) => {
      const c = createConnection({ host: "127.0.0.1", port }, () => done(c.end() && true));
      c.on("error", () => done(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`polodb serve did not start on ${port}`);
}

/** The second desktop: the same binary's CLI on its own data folder. */
function laptop(args) {
  const uri = `mongodb://127.0.0.1:${port}/?appName=${SECRET}`;
  const out = execFileSync(process.env.WAYMARK_BIN, [...args, "--json"], {
    env: { ...process.env, WAYMARK_DATA_DIR: laptopDir, WAYMARK_SYNC_URI: uri, WAYMARK_SYNC_DB: "waymark" },
    encoding: "utf8",
  });
  return JSON.parse(out);
}


before(async () => {
  port = await freePort();
  server = spawn(polodb(), ["serve", "--path", join(serverDir, "db"), "--host", "127.0.0.1", "--port", String(port)], {
    stdio: "ignore",
  });
  await listening(port);
  await driver.start();
});

after(async () => {
  server?.kill();
  try {
    await driver.stop();
  } finally {
    for (const dir of [dataDir, laptopDir, serverDir]) removeDir(dir);
  }
});

async function goalStatus(id) {
  return (await driver.invoke("list_goals")).find((g) => g.id === id)?.status;
}

async function syncStatus() {
  return driver.text('[data-testid="sync-status"]');
}

test("turn sync on in Settings; two desktops share one plan; a conflict is settled in the window", { timeout: 300_000 }, async () => {
  await driver.launch();
  const goalId = await driver.createGoal("rust", "Learn Rust on the desktop", 7);

  await driver.click('[data-testid="nav-settings"]');
  assert.match(await syncStatus(), /Sync is off/);

  // A wrong address: a clear message, nothing turned on.
  await driver.type('[data-testid="sync-uri-input"]', `mongodb://127.0.0.1:${await freePort()}/`);
  await driver.click('[data-testid="sync-test"]');
  assert.match(await driver.text('[data-testid="sync-error"]'), /refused the connection/);
  assert.match(await syncStatus(), /Sync is off/);

  // The right one: tested, then turned on; the string goes to the keyring.
  const uri = `mongodb://127.0.0.1:${port}/?appName=${SECRET}`;
  await driver.type('[data-testid="sync-uri-input"]', uri);
  await driver.click('[data-testid="sync-test"]');
  await driver.waitFor('[data-testid="sync-checked"]');
  await driver.click('[data-testid="sync-connect"]');
  await driver.until(async () => /Sync is on/.test(await syncStatus()), { what: "sync on" });

  // The background sync sends the plan without being asked.
  await driver.until(async () => /last synced .* nothing waiting/.test(await syncStatus()), {
    timeout: 60_000,
    what: "the background sync to send everything",
  });
  await driver.until(async () => (await driver.findAll('[data-testid="sync-progress"]')).length === 0, {
    what: "the progress bar to go once the run is over",
  });
  await driver.screenshot("sync-settings", { scrollTo: '[data-testid="sync-settings"]' });
  const status = await driver.invoke("sync_status");
  assert.equal(status.uri_source, "keyring", "the connection string is read back from the keyring");
  assert.equal(status.last_error, null);
  for (const file of filesUnder(dataDir)) {
    assert.ok(!readFileSync(file).includes(SECRET), `the connection string is written in ${file}`);
  }

  // The laptop (empty) receives the plan.
  laptop(["sync", "on"]);
  const first = laptop(["sync", "now"]);
  assert.ok(first.pulled > 10, `the laptop received the plan: ${JSON.stringify(first)}`);
  assert.deepEqual(laptop(["goal", "list"]).map((g) => g.title), ["Learn Rust on the desktop"]);

  // A goal made on the laptop shows up in the window after Sync now.
  laptop(["goal", "add", "--title", "Spanish on the laptop", "--template", "rust"]);
  assert.ok(laptop(["sync", "now"]).pushed > 0);
  await driver.click('[data-testid="sync-now"]');
  assert.match(await driver.text('[data-testid="sync-checked"]'), /Synced: .* received/);
  await driver.click('[data-testid="nav-goals"]');
  await driver.until(
    async () => (await driver.findAll('[data-testid="goal-card"]')).length === 2,
    { what: "both goals in the list" },
  );
  const titles = (await driver.invoke("list_goals")).map((g) => g.title).sort();
  assert.deepEqual(titles, ["Learn Rust on the desktop", "Spanish on the laptop"]);

  // The same goal changed on both: paused here, archived later on the laptop.
  await driver.exec(`location.hash = "#/goal/${goalId}"`);
  await driver.click('[data-testid="goal-pause"]');
  await driver.until(async () => (await goalStatus(goalId)) === "paused", {
    what: "the goal paused",
  });
  await sleep(20);
  execFileSync(process.env.WAYMARK_BIN, ["goal", "status", goalId, "archived"], {
    env: { ...process.env, WAYMARK_DATA_DIR: laptopDir },
  });
  laptop(["sync", "now"]);
  await driver.click('[data-testid="nav-settings"]');
  await driver.click('[data-testid="sync-now"]');
  await driver.waitFor('[data-testid="sync-checked"]');
  const conflict = await driver.waitFor('[data-testid="sync-conflict"]');
  assert.ok(conflict, "the version that lost is listed");
  assert.match(await driver.text('[data-testid="sync-conflict"]'), /paused/);
  await driver.screenshot("sync-conflicts", { scrollTo: '[data-testid="sync-conflicts"]' });
  assert.equal(await goalStatus(goalId), "archived", "the newer change won");

  // Restoring the other version: it wins here and, after syncing, on the laptop.
  await driver.click('[data-testid="conflict-restore"]');
  await driver.until(async () => (await driver.findAll('[data-testid="sync-conflict"]')).length === 0, {
    what: "the conflict settled",
  });
  assert.equal(await goalStatus(goalId), "paused");
  await driver.click('[data-testid="sync-now"]');
  await driver.waitFor('[data-testid="sync-checked"]');
  laptop(["sync", "now"]);
  const onLaptop = laptop(["goal", "list"]).find((g) => g.id === goalId);
  assert.equal(onLaptop.status, "paused", "the restored version reached the laptop");

  // The sync log lists the runs.
  assert.ok((await driver.findAll('[data-testid="sync-log-run"]')).length >= 3);

  // Delete my remote data: the remote forgets this learner; this desktop keeps its plan.
  await driver.click('[data-testid="sync-wipe"]');
  await driver.click('dialog[open] [data-testid="confirm-ok"]');
  assert.match(await driver.text('[data-testid="sync-wiped"]'), /Removed \d+ documents/);
  assert.match(await syncStatus(), /Sync is off/);
  assert.equal((await driver.invoke("list_goals")).length, 2);
  const fresh = tempDataDir();
  try {
    const env = { ...process.env, WAYMARK_DATA_DIR: fresh, WAYMARK_SYNC_URI: `mongodb://127.0.0.1:${port}/` };
    const cli = (args) => JSON.parse(execFileSync(process.env.WAYMARK_BIN, [...args, "--json"], { env, encoding: "utf8" }));
    cli(["sync", "on"]);
    assert.equal(cli(["sync", "now"]).pulled, 0, "nothing of the learner is left on the remote");
    assert.deepEqual(cli(["goal", "list"]), []);
  } finally {
    removeDir(fresh);
  }
});
