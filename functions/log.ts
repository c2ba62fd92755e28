/**
 * The API's logger: Powertools Logger, one JSON object per line (`level`, `message`, `timestamp`, `service`, then the
 * fields given), on stdout (errors and warnings on stderr), so that CloudWatch and a local console read the same.
 * Log level: POWERTOOLS_LOG_LEVEL (default INFO). Never log a secret: an API key appears by its id only.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { METRICS_SERVICE } from "./metric-names";

export const log = new Logger({ serviceName: METRICS_SERVICE });
