/**
 * The names of the API's own CloudWatch metrics, written once for the code that emits them (in CloudWatch's embedded
 * metric format, EMF, with Powertools Metrics) and for the stack whose alarms and dashboard read them
 * (stacks/monitoring.ts). Plain data with no SDK imports, so that infrastructure code can import it.
 */
export const METRICS_NAMESPACE = "MailAccessApi";

/** Powertools Metrics' `service` dimension, on every metric the API emits. */
export const METRICS_SERVICE = "mail-access-api";

/** Errors the API answered, one count per error, with the error's `extensions.code` as a dimension. */
export const ERRORS_METRIC = { name: "Errors", codeDimension: "ErrorCode" } as const;
