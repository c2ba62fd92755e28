/**
 * The API's one error convention: an expected failure is an ApiError with a stable code and, where it
 * applies, the offending input field. The GraphQL layer turns it into a GraphQLError with
 * `extensions.code`; anything else is unexpected and masked for the client.
 */
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "FAILED_PRECONDITION"
  | "UNAVAILABLE"
  | "IDEMPOTENCY_KEY_REUSED"
  | "BUDGET_EXCEEDED"
  | "COST_LIMIT_EXCEEDED";

const httpStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  COST_LIMIT_EXCEEDED: 400,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the client: `field` names the offending input; others e.g. `currentVersion`. */
    readonly details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }

  toGraphQLError(): GraphQLError {
    const status = httpStatus[this.code];
    return new GraphQLError(this.message, {
      originalError: this,
      extensions: { ...this.extensions, ...(status === undefined ? {} : { http: { status } }) },
    });
  }
}

export const badInput = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new ApiError("BAD_USER_INPUT", message, { field, ...details });

export const notFound = (field: string, message: string) => new ApiError("NOT_FOUND", message, { field });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError("CONFLICT", message, details);

export const failedPrecondition = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError("FAILED_PRECONDITION", message, details);

/**
 * A conflict that a retry may resolve (`extensions.retryable`). `recover`, if given, first repairs what caused it, e.g.
 * finishes a change a stopped writer left behind, and says whether a retry can succeed now.
 */
export class RetryableConflict extends ApiError {
  constructor(
    message: string,
    readonly recover?: () => Promise<boolean>,
    details: { field?: string; [key: string]: unknown } = {},
  ) {
    super("CONFLICT", message, { ...details, retryable: true });
  }
}

/** A rename or move of OUs holds the customer's tree: other tree changes wait (`recover` may finish a stalled one). */
export class TreeLocked extends RetryableConflict {
  constructor(recover: () => Promise<boolean>) {
    super("A rename or move of organizational units is in progress; retry in a moment.", recover);
  }
}

/** The one answer to a stale `expectedVersion`: what is stale, and the version to read again from. */
export const versionConflict = (subject: string, expectedVersion: number, currentVersion: number) =>
  conflict(`${subject} is at version ${currentVersion}, not ${expectedVersion}.`, {
    field: "expectedVersion",
    currentVersion,
  });

export const unavailable = (message: string) =>
  new ApiError("UNAVAILABLE", message, { retryable: true, retryAfterSeconds: 1 });

/** The ApiError behind `error`, following `originalError` links (resolver and context errors arrive wrapped). */
export function apiErrorIn(error: unknown): ApiError | undefined {
  for (let current = error; current instanceof Error; current = (current as { originalError?: unknown }).originalError)
    if (current instanceof ApiError) return current;
  return undefined;
}
