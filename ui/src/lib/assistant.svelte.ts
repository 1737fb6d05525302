// One request to the assistant as a screen runs it: a request id the desktop
// can cancel, a channel for the reply streaming in, and the busy/error state
// of the data layer. Stop cancels at once; the request then fails with the
// `cancelled` code, which is not shown as an error (the learner asked for it).
import { Channel } from "@tauri-apps/api/core";
import { api, asAppError, type AiEvent, type AppError, type FillProgress } from "./api";

/** How often the streamed text is shown again, in milliseconds. */
const SHOW_EVERY_MS = 250;

let requests = 0;

/** An id for a new request, unique in this window. */
function newRequestId(): string {
  return `ai-${Date.now().toString(36)}-${(++requests).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A request under way or done: what has streamed in, its progress, its error. */
export class AiRequest<T> {
  /** True while the model is writing. */
  busy = $state(false);
  /** The reply's text so far (the raw JSON the model writes). */
  streamed = $state("");
  /** Fill the gaps: where it stands. */
  progress = $state<FillProgress | null>(null);
  /** The last request's error; null when it worked or was stopped. */
  error = $state<AppError | null>(null);
  #id: string | null = null;
  #start: (requestId: string, channel: Channel<AiEvent>) => Promise<T>;

  constructor(start: (requestId: string, channel: Channel<AiEvent>) => Promise<T>) {
    this.#start = start;
  }

  /** Starts the request: its value, or undefined when it failed or was stopped. */
  async run(): Promise<T | undefined> {
    const id = newRequestId();
    this.#id = id;
    this.busy = true;
    this.streamed = "";
    this.progress = null;
    this.error = null;
    // The text is shown a few times a second, not per token: the model on
    // this computer needs the CPU more than the window does.
    let pending = "";
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (this.#id === id) this.streamed += pending;
      pending = "";
    };
    const channel = new Channel<AiEvent>((event) => {
      if (this.#id !== id) return;
      if (event.kind === "progress") this.progress = event.progress;
      else {
        pending += event.text;
        timer ??= setTimeout(flush, SHOW_EVERY_MS);
      }
    });
    try {
      return await this.#start(id, channel);
    } catch (e) {
      const error = asAppError(e);
      if (this.#id === id && error.code !== "cancelled") this.error = error;
      return undefined;
    } finally {
      if (timer) clearTimeout(timer);
      flush();
      if (this.#id === id) {
        this.busy = false;
        this.#id = null;
      }
    }
  }

  /** Stops the request under way; nothing it would have proposed is kept. */
  stop(): void {
    if (this.#id) void api.cancelAi(this.#id);
  }
}

/** A request started by `start(requestId, channel)`, e.g. `aiRequest((id, ch) => api.proposeRoadmap(id, goal, known, null, ch))`. */
export function aiRequest<T>(start: (requestId: string, channel: Channel<AiEvent>) => Promise<T>): AiRequest<T> {
  return new AiRequest(start);
}
