// Calling a desktop command. Every failure arrives as an AppError
// ({code, message, field}); screens show `message` and branch only on `code`.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings";

function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Turns anything thrown by `invoke` into an AppError. */
export function asAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return { code: "storage", message: String(e), field: null };
}

/** Invokes the command `cmd`; rejects with an AppError. */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asAppError(e);
  }
}
