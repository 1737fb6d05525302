// A small WebDriver client and app harness for the end-to-end tests: starts
// tauri-driver (which starts WebKitWebDriver and the built Waymark binary) and
// drives the real window over the W3C WebDriver protocol.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A free TCP port on the loopback interface. */
export async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

export class Driver {
  /**
   * `keyring: true` runs the app in a private D-Bus session with an unlocked
   * GNOME Keyring and a throwaway HOME, as on a learner's desktop.
   */
  constructor({ dataDir, env = {}, keyring = false }) {
    this.dataDir = dataDir;
    this.env = env;
    this.keyring = keyring;
    this.bin = resolve(process.env.WAYMARK_BIN ?? "");
    if (!process.env.WAYMARK_BIN) throw new Error("set WAYMARK_BIN to the built waymark binary");
  }

  async start() {
    this.port = await freePort();
    this.nativePort = await freePort();
    const args = ["--port", String(this.port), "--native-port", String(this.nativePort)];
    const env = { ...process.env, ...this.env, WAYMARK_DATA_DIR: this.dataDir };
    let [cmd, argv] = ["tauri-driver", args];
    if (this.keyring) {
      this.home = mkdtempSync(join(tmpdir(), "waymark-e2e-home-"));
      Object.assign(env, { HOME: this.home });
      delete env.XDG_DATA_HOME;
      delete env.DBUS_SESSION_BUS_ADDRESS;
      const unlock = `eval "$(printf waymark-e2e | gnome-keyring-daemon --unlock --components=secrets | sed 's/^/export /')"`;
      [cmd, argv] = ["dbus-run-session", ["--", "bash", "-c", `${unlock}; exec tauri-driver ${args.join(" ")}`]];
    }
    // Its own process group, so stop() also ends WebKitWebDriver and the app.
    this.proc = spawn(cmd, argv, { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/status`);
        if (r.ok) return;
      } catch {
        // not up yet
      }
      await sleep(200);
    }
    throw new Error("tauri-driver did not start");
  }

  async stop() {
    if (this.session) await this.quit().catch(() => {});
    if (this.proc?.pid) {
      try {
        process.kill(-this.proc.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (this.home) await removeHome(this.home, this.proc?.pid);
  }

  async req(method, path, body) {
    const r = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json.value;
  }

  /** Launches the app: a new WebDriver session. */
  async launch() {
    const value = await this.req("POST", "/session", {
      capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application: this.bin } } },
    });
    this.session = value.sessionId;
    await this.waitFor('[data-testid="nav-new-goal"]');
  }

  /** Closes the app window and ends the session. */
  async quit() {
    await this.req("DELETE", `/session/${this.session}`);
    this.session = null;
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async find(css) {
    const v = await this.req("POST", this.s("/element"), { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.req("POST", this.s("/elements"), { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  async waitFor(css, { timeout = 15_000, until } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const el = await this.find(css);
        if (!until || (await until(el))) return el;
      } catch (e) {
        last = e;
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${css}: ${last?.message ?? "condition not met"}`);
  }

  async click(css) {
    const el = await this.waitFor(css);
    await this.req("POST", this.s(`/element/${el}/click`), {});
  }

  async type(css, text, { clear = true } = {}) {
    const el = await this.waitFor(css);
    if (clear) await this.req("POST", this.s(`/element/${el}/clear`), {});
    await this.req("POST", this.s(`/element/${el}/value`), { text });
  }

  /** Sets an input's value as the learner would (fires input and change), e.g. for date inputs. */
  async setValue(css, value) {
    const el = await this.waitFor(css);
    await this.exec(
      `const [el, value] = arguments;
       const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
       Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
       el.dispatchEvent(new Event("input", { bubbles: true }));
       el.dispatchEvent(new Event("change", { bubbles: true }));`,
      [{ [ELEMENT]: el }, value],
    );
  }

  /** Chooses a file in an <input type=file> by sending its path. */
  async upload(css, path) {
    const el = await this.find(css);
    await this.req("POST", this.s(`/element/${el}/value`), { text: path });
  }

  async text(css) {
    const el = await this.waitFor(css);
    return this.req("GET", this.s(`/element/${el}/text`));
  }

  async attr(el, name) {
    return this.req("GET", this.s(`/element/${el}/attribute/${name}`));
  }

  async exec(script, args = []) {
    return this.req("POST", this.s("/execute/sync"), { script, args });
  }

  async title() {
    return this.req("GET", this.s("/title"));
  }

  /**
   * Presses keys on whatever has the focus, as the learner would (W3C actions):
   * each character of `text` is one key; use KEYS for Enter and the like.
   */
  async keys(text) {
    const actions = [];
    for (const key of text) actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
    await this.req("POST", this.s("/actions"), { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.req("DELETE", this.s("/actions")).catch(() => {});
  }

  /** Calls a desktop command from the page, as the UI does; a refusal throws its AppError message. */
  async invoke(cmd, args = {}) {
    const r = await this.req("POST", this.s("/execute/async"), {
      script: `const [cmd, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(cmd, args).then((ok) => done({ ok }), (err) => done({ err }));`,
      args: [cmd, args],
    });
    if (r && "err" in r) throw new Error(`${cmd}: ${JSON.stringify(r.err)}`);
    return r?.ok;
  }

  /**
   * Creates a goal from a roadmap template through the New goal form, as the
   * learner does; waits for its screen and returns its id.
   */
  async createGoal(template, title, hoursPerWeek) {
    await this.click('[data-testid="nav-new-goal"]');
    await this.click(`[data-testid="template-${template}"]`);
    await this.type('[data-testid="goal-title"]', title);
    await this.type('[data-testid="goal-hours"]', String(hoursPerWeek));
    await this.click('[data-testid="goal-submit"]');
    await this.waitFor('[data-testid="goal-heading"]');
    return (await this.exec("return location.hash")).split("/")[2];
  }

  /** Waits until `check` returns something truthy, and returns it. */
  async until(check, { timeout = 15_000, what = "a condition" } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
  }

  /**
   * Saves a PNG of the window when WAYMARK_SCREENSHOTS names a folder; with
   * `scrollTo`, that element is scrolled into view first (else the top).
   */
  async screenshot(name, { scrollTo } = {}) {
    const dir = process.env.WAYMARK_SCREENSHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    if (scrollTo) {
      const el = await this.find(scrollTo);
      await this.exec("arguments[0].scrollIntoView({ block: 'start' })", [{ [ELEMENT]: el }]);
    } else {
      await this.exec("window.scrollTo(0, 0)");
    }
    await sleep(700);
    const b64 = await this.req("GET", this.s("/screenshot"));
    writeFileSync(join(dir, `${name}.png`), Buffer.from(b64, "base64"));
  }
}

/** WebDriver key codes for the keys that are not characters. */
export const KEYS = { Enter: "\uE007", Space: " ", Tab: "\uE004", Escape: "\uE00C" };

/** Every file under `dir`, at any depth (to check that a secret is in none). */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

export function tempDataDir() {
  return mkdtempSync(join(tmpdir(), "waymark-e2e-"));
}

/**
 * Removes a private HOME once its D-Bus session is gone. Services the session
 * started (the document portal mounts `~/.cache/doc` with FUSE) may outlive
 * the SIGTERM briefly: wait for the process group, unmount what is left.
 */
async function removeHome(home, pid) {
  for (let i = 0; pid && i < 50; i++) {
    try {
      process.kill(-pid, 0);
    } catch {
      break;
    }
    await sleep(100);
  }
  const doc = join(home, ".cache", "doc");
  if (existsSync(doc)) spawnSync("fusermount", ["-uz", doc], { stdio: "ignore" });
  rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
