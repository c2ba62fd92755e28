/**
 * Runs a mutation field through its unit of work: with an idempotency key (the input's `idempotencyKey`, or the
 * Idempotency-Key header, which keys each mutation of the request by its response key), the unit of work returns the
 * original result to a retry with the same input and refuses the key for another input.
 */
import { createHash } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { badInput } from "../errors";
import type { WriteRequest } from "../services/request";
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

export async function mutate<T>(
  context: Context,
  info: GraphQLResolveInfo,
  input: { idempotencyKey?: string | null },
  run: (request: WriteRequest) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...rest } = input;
  const header = context.idempotencyKeyHeader;
  const key = idempotencyKey ?? (header === undefined ? undefined : `${header}:${info.path.key}`);
  if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH))
    throw badInput("idempotencyKey", `An idempotency key has 1 to ${MAX_KEY_LENGTH} characters.`);
  const requestHash =
    key === undefined
      ? undefined
      : createHash("sha256")
          .update(canonical({ mutation: info.fieldName, input: rest }))
          .digest("hex");
  const work = await context.unitOfWork(
    key === undefined || requestHash === undefined ? undefined : { key, requestHash },
  );
  // A write reads afresh: a retry after a lost race must see what made it lose.
  return work.run(() => run({ ...context, orgUnits: context.orgUnits.fresh(), groups: context.groups.fresh(), work }));
}
