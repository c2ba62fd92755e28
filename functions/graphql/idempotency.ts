/**
 * Makes a mutation safe to repeat: with an idempotency key (the input's `idempotencyKey`, or the Idempotency-Key
 * header), the first run records its result in the same transaction as its write, and a retry with the same key and
 * the same input returns that result without writing again. The same key with another input is refused.
 */
import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { ApiError, badInput } from "../errors";
import { IdempotencyRace } from "../store/transactions";
import type { Context } from "./context";

const MAX_KEY_LENGTH = 255;

/** JSON with object keys sorted, so that the same input always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export async function idempotent<T>(
  context: Context,
  info: GraphQLResolveInfo,
  input: { idempotencyKey?: string | null },
  run: (context: Context) => Promise<T>,
  /** What of the result to keep for a repeated request (e.g. without a secret). */
  keep: (result: T) => T = (result) => result,
): Promise<T> {
  const { idempotencyKey, ...rest } = input;
  const header = context.idempotencyKeyHeader;
  // One header covers every mutation of the request: each field gets its own key.
  const key = idempotencyKey ?? (header === undefined ? undefined : `${header}:${info.path.key}`);
  if (key === undefined) return run(context);
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw badInput("idempotencyKey", `An idempotency key has 1 to ${MAX_KEY_LENGTH} characters.`);
  const requestHash = createHash("sha256")
    .update(canonical({ mutation: info.fieldName, input: rest }))
    .digest("hex");

  const replay = async (): Promise<{ result: T } | undefined> => {
    const record = await context.idempotency.get(key);
    if (record === undefined) return undefined;
    if (record.requestHash !== requestHash)
      throw new ApiError(
        "IDEMPOTENCY_KEY_REUSED",
        `The idempotency key "${key}" was already used with a different request; use a new key for a new request.`,
        { field: "idempotencyKey" },
      );
    if (record.result === undefined)
      throw new ApiError(
        "CONFLICT",
        `The request with idempotency key "${key}" was applied, but its result is too large to repeat; read the current state instead.`,
        { field: "idempotencyKey" },
      );
    return { result: record.result as T };
  };

  const previous = await replay();
  if (previous !== undefined) return previous.result;
  let recorded = false;
  const write = {
    ...context.write,
    idempotencyKey: key,
    alongside: (result: unknown) => {
      recorded = true;
      return [context.idempotency.recordItem(key, requestHash, keep(result as T))];
    },
  };
  try {
    const result = await run({ ...context, write });
    if (recorded) return result;
    // Nothing was written by this run: maybe because a concurrent run with the same key wrote first; its result wins.
    const winner = await replay();
    return winner === undefined ? result : winner.result;
  } catch (error) {
    if (!(error instanceof IdempotencyRace)) throw error;
    const winner = await replay();
    if (winner === undefined) throw error;
    return winner.result;
  }
}
