// The UI's data layer: calling a desktop command with its loading and error
// state, so screens and components say what they load or change and never
// write try/catch. Every failure becomes an AppError (via `asAppError`):
// screens show its `message`, outline its `field` and branch only on `code`.
import { untrack } from "svelte";
import { asAppError, type AppError } from "./api";

/** Whether an error is the desktop refusing `field` of what was sent. */
export function invalidField(error: AppError | null | undefined, field: string): boolean {
  return error?.code === "invalid_input" && error.field === field;
}

/** What a command is loading: its last value, whether it is loading, its last error. */
export class Resource<T> {
  /** The last value loaded (or set by a change that returned it); null before the first. */
  value = $state<T | null>(null);
  /** True while a load is under way. */
  loading = $state(true);
  /** The last load's error; cleared by the next load that works. */
  error = $state<AppError | null>(null);
  #load: () => Promise<T>;
  #loaded: ((value: T) => void) | undefined;
  #latest = 0;

  constructor(load: () => Promise<T>, loaded?: (value: T) => void) {
    this.#load = load;
    this.#loaded = loaded;
    // Loads when the component starts, and again when what `load` reads
    // before its first `await` (props, state) changes.
    $effect(() => {
      this.#fetch();
    });
  }

  /** Loads again; an older load still under way no longer counts. */
  reload(): Promise<void> {
    return untrack(() => this.#fetch());
  }

  async #fetch(): Promise<void> {
    const mine = ++this.#latest;
    this.loading = true;
    try {
      const value = await this.#load();
      if (mine !== this.#latest) return;
      this.value = value;
      this.error = null;
      this.#loaded?.(value);
    } catch (e) {
      if (mine === this.#latest) this.error = asAppError(e);
    } finally {
      if (mine === this.#latest) this.loading = false;
    }
  }
}

/**
 * Loads `load()` when the component starts (call it while the component
 * initialises), and again when what it reads changes or on `reload()`.
 * `loaded` runs after each load that works, once `value` holds it.
 */
export function resource<T>(load: () => Promise<T>, loaded?: (value: T) => void): Resource<T> {
  return new Resource(load, loaded);
}

/** Changes in progress: whether one is running, and the last one's error. */
class Pending {
  /** True while a change is under way. */
  busy = $state(false);
  /** The last change's error (or one set by the form itself); cleared by the next that works. */
  error = $state<AppError | null>(null);

  /** Runs `change`; its value, or undefined when it failed (the error is kept in `error`). */
  protected async attempt<T>(change: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      const value = await change();
      this.error = null;
      return value;
    } catch (e) {
      this.error = asAppError(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** Whether the last error is the desktop refusing `field`. */
  invalid(field: string): boolean {
    return invalidField(this.error, field);
  }
}

/** One change (a command and what follows it), with its busy and error state. */
export class Action<A extends unknown[], T> extends Pending {
  #change: (...args: A) => Promise<T>;

  constructor(change: (...args: A) => Promise<T>) {
    super();
    this.#change = change;
  }

  /**
   * Runs the change with `args`: its value, or undefined when it failed.
   * What must happen only when it works goes inside the change.
   */
  run(...args: A): Promise<T | undefined> {
    return this.attempt(() => this.#change(...args));
  }
}

/** Several changes sharing one busy and error state, each given to `run`. */
export class Runner extends Pending {
  /** Runs `change`: its value, or undefined when it failed. */
  run<T>(change: () => Promise<T>): Promise<T | undefined> {
    return this.attempt(change);
  }
}

/** A change to `run(...)`, e.g. `action((input: GoalInput) => api.updateGoal(id, input))`. */
export function action<A extends unknown[], T>(change: (...args: A) => Promise<T>): Action<A, T> {
  return new Action(change);
}

/** A runner of several changes that share one busy and error state: `runner().run(() => …)`. */
export function runner(): Runner {
  return new Runner();
}
