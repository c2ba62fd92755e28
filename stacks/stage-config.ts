/**
 * Every operational setting of a deployed stage, in one typed record per stage: log retention, throttling, reserved
 * concurrency, CORS origins, table deletion protection and every alarm threshold. `production` has its own; every other
 * stage (dev, a developer's own, a pull request's) gets `dev`'s. Plain data with no SST globals, so that
 * test/unit/stage-config.test.ts can import it; stacks/stage.ts picks the current stage's.
 */

/** A subset of the retentions CloudWatch Logs (and so SST's `logging.retention`) accepts. */
export type LogRetention = "1 week" | "2 weeks" | "1 month" | "3 months" | "6 months" | "1 year";

/**
 * Alarm thresholds. Each alarm looks at periods of `periodSeconds` and fires when `datapointsToAlarm` of the last
 * `evaluationPeriods` are above its threshold (a count per period unless said otherwise); no data (no traffic) is fine.
 */
export interface AlarmThresholds {
  periodSeconds: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  /** API Gateway's 5xx answers, in percent of its requests... */
  serverErrorRatePercent: number;
  /** ...in a period with at least this many requests (one failure among three night-time requests is no outage). */
  serverErrorRateMinRequests: number;
  /** API Gateway's p99 latency, in milliseconds (cold starts included). */
  latencyP99Ms: number;
  /** Lambda invocations that failed outright (a crash or a timeout; the handler answers every error it catches). */
  lambdaErrors: number;
  /** Lambda invocations refused for lack of concurrency (the reserved concurrency, or the account's). */
  lambdaThrottles: number;
  /** DynamoDB requests of the function's operations that the table throttled. */
  dynamoThrottledRequests: number;
  /** DynamoDB requests of the function's operations that failed inside DynamoDB (HTTP 500). */
  dynamoSystemErrors: number;
  /** UNAVAILABLE errors the API answered (the table is unreachable or overloaded). */
  unavailableErrors: number;
  /** INTERNAL_SERVER_ERROR errors the API answered (a bug: the details are in the logs). */
  internalServerErrors: number;
}

export interface StageConfig {
  /** How long CloudWatch keeps the function's logs and API Gateway's access logs. */
  logRetention: LogRetention;
  /** API Gateway's throttle on the whole stage: sustained requests per second, and the burst above it. */
  throttling: { rateLimit: number; burstLimit: number };
  /**
   * The function's reserved concurrency: at most this many instances at once (a cap on cost and on the load one caller
   * can put on the table), and as many kept free of the account's other functions. null: none reserved, the stage
   * shares the account's pool (a new account has too little concurrency to reserve any).
   */
  reservedConcurrency: number | null;
  /**
   * The browser origins allowed to call the API (CORS). The playground is served by the API itself (same origin) and
   * partners call from servers, so neither needs one; list the origins of browser front ends here.
   */
  corsAllowOrigins: string[];
  /** Refuse DeleteTable on the stage's table (also to an operator, until it is turned off). */
  tableDeletionProtection: boolean;
  alarms: AlarmThresholds;
}

export const STAGE_CONFIGS = {
  production: {
    logRetention: "3 months",
    throttling: { rateLimit: 200, burstLimit: 400 },
    reservedConcurrency: 50,
    corsAllowOrigins: [],
    tableDeletionProtection: true,
    alarms: {
      periodSeconds: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      serverErrorRatePercent: 1,
      serverErrorRateMinRequests: 20,
      latencyP99Ms: 2000,
      lambdaErrors: 0,
      lambdaThrottles: 0,
      dynamoThrottledRequests: 0,
      dynamoSystemErrors: 0,
      unavailableErrors: 5,
      internalServerErrors: 0,
    },
  },
  dev: {
    logRetention: "1 week",
    throttling: { rateLimit: 20, burstLimit: 40 },
    reservedConcurrency: null,
    // Any origin: no stage but production holds real data, and no browser sends credentials of its own to this API.
    corsAllowOrigins: ["*"],
    tableDeletionProtection: false,
    alarms: {
      periodSeconds: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      serverErrorRatePercent: 5,
      serverErrorRateMinRequests: 10,
      latencyP99Ms: 5000,
      lambdaErrors: 5,
      lambdaThrottles: 10,
      dynamoThrottledRequests: 10,
      dynamoSystemErrors: 5,
      unavailableErrors: 20,
      internalServerErrors: 5,
    },
  },
} satisfies Record<string, StageConfig>;

export function stageConfig(stage: string): StageConfig {
  return stage === "production" ? STAGE_CONFIGS.production : STAGE_CONFIGS.dev;
}

/** API Gateway's integration timeout for HTTP APIs, a hard quota: it then answers 503, whatever the function does. */
export const API_GATEWAY_TIMEOUT_SECONDS = 30;

/**
 * The function's timeout, below API Gateway's, so that a request that runs too long ends in the function, as a timeout
 * its Errors metric and logs record, rather than API Gateway answering 503 at 30 s while the function keeps writing. A
 * rename or move cut short holds the OU tree only until its lease ends (TREE_LEASE_SECONDS); the next tree writer then
 * finishes it.
 */
export const FUNCTION_TIMEOUT_SECONDS = 25;

/**
 * The request headers the API reads, which a browser may send cross-origin only when CORS allows them: credentials,
 * the JSON content type, the idempotency key, and the header that lets a GET query past Apollo's CSRF prevention.
 */
export const CORS_ALLOW_HEADERS = [
  "authorization",
  "content-type",
  "x-api-key",
  "idempotency-key",
  "apollo-require-preflight",
];

/** Response headers a browser script may read: the request id, to quote when asking for help. */
export const CORS_EXPOSE_HEADERS = ["x-request-id"];
