/**
 * The names of the API's own CloudWatch metrics, written once for the code that emits them (functions/metrics.ts, in
 * CloudWatch's embedded metric format, EMF, with Powertools Metrics) and for the stack whose alarms and dashboard read
 * them (stacks/monitoring.ts). Plain data with no SDK imports, so that infrastructure code can import it.
 *
 * Every metric also has the dimension `service`. A metric listed with two dimensions is published under each alone
 * (e.g. `Errors` by `ErrorCode` and by `Operation`), not under the pair: dimension values are bounded sets (error
 * codes, the schema's root fields, decision reasons), so the number of metrics, which CloudWatch bills, stays small.
 */
export const METRICS_NAMESPACE = "MailAccessApi";

/** Powertools' `service`: a dimension of every metric, and a field of every log line (functions/log.ts). */
export const METRICS_SERVICE = "mail-access-api";

/**
 * What a request ran: the GraphQL operation's root field (`mailAccessDecision`; `multiple` for several), the route the
 * HTTP layer answered itself (`health`, `readiness`, `playground`), or `none` (refused or invalid before that). Not
 * the operation's name, which the client chooses freely.
 */
export const OPERATION_DIMENSION = "Operation";

/** Per request, by `Operation`: one count, its DynamoDB calls (round trips) and its duration in milliseconds. */
export const REQUEST_METRICS = {
  requests: "Requests",
  dynamoDbCalls: "DynamoDbCalls",
  duration: "Duration",
} as const;

/**
 * Errors the API answered, one count per error, by the error's `extensions.code` and by `Operation`. Conflicts sent
 * to clients are `ErrorCode=CONFLICT`.
 */
export const ERRORS_METRIC = { name: "Errors", codeDimension: "ErrorCode" } as const;

/** Access decisions made (`mailAccessDecision(s)`), by `Outcome` (`ALLOWED`/`DENIED`) and by `Reason`. */
export const ACCESS_DECISIONS_METRIC = {
  name: "AccessDecisions",
  outcomeDimension: "Outcome",
  reasonDimension: "Reason",
} as const;

/** Mail settings changed (one per audit event of an OU's or a user's setting), by the audit `Action`. */
export const POLICY_CHANGES_METRIC = { name: "PolicyChanges", actionDimension: "Action" } as const;

/** Mutations answered with the result recorded under their idempotency key, without running again. */
export const IDEMPOTENT_REPLAYS_METRIC = "IdempotentReplays";

/** Writes that lost a race and ran again (functions/services/retry.ts). */
export const RETRIES_METRIC = "Retries";
