// What tells an operator the API is failing: an alarm for each sign of trouble, each reporting to one SNS topic, and one
// CloudWatch dashboard with their graphs. Thresholds are the stage's (stacks/stage-config.ts); docs/operations.md says
// what each alarm means and what to do.
import { ERRORS_METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from "../functions/metric-names";
import { TABLE_OPERATIONS } from "../functions/store/table-access";
import { api, graphqlFunction } from "./api";
import { table } from "./database";
import { config } from "./stage";
import type { AlarmThresholds } from "./stage-config";

const { alarms: thresholds } = config;
const period = thresholds.periodSeconds;
const region = aws.getRegionOutput().region;

/** Where every alarm reports when it goes off and when it clears: subscribe the on-call's email or pager to it. */
export const alarmTopic = new sst.aws.SnsTopic("Alarms");

interface MetricQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, $util.Input<string>>;
  /** A CloudWatch statistic: Sum, Average, p99, ... */
  stat: string;
}

interface AlarmDefinition {
  /** The alarm's name after `<app>-<stage>-`, and its section in docs/operations.md. */
  id: string;
  description: string;
  /** The metrics it reads (ids m0, m1, ...), and, over them, the expression it compares (ids in it: m0, m1, ...). */
  metrics: MetricQuery[];
  expression?: string;
  /** The graph's unit, for the dashboard. */
  label: string;
}

type AlarmName = Exclude<
  keyof AlarmThresholds,
  "periodSeconds" | "evaluationPeriods" | "datapointsToAlarm" | "serverErrorRateMinRequests"
>;

const apiMetric = (metricName: string, stat: string): MetricQuery => ({
  namespace: "AWS/ApiGateway",
  metricName,
  // HTTP APIs publish per API (and per stage; this API has only $default).
  dimensions: { ApiId: api.nodes.api.id },
  stat,
});
const lambdaMetric = (metricName: string): MetricQuery => ({
  namespace: "AWS/Lambda",
  metricName,
  dimensions: { FunctionName: graphqlFunction.name },
  stat: "Sum",
});
/** DynamoDB publishes these per table and operation: one series per operation the function sends. */
const tableMetrics = (metricName: string): MetricQuery[] =>
  TABLE_OPERATIONS.map((operation) => ({
    namespace: "AWS/DynamoDB",
    metricName,
    dimensions: { TableName: table.name, Operation: operation },
    stat: "Sum",
  }));
const sumOf = (metrics: MetricQuery[]) => `SUM([${metrics.map((_, i) => `m${i}`).join(", ")}])`;
/** The API's own EMF metric: errors it answered with `code` (functions/metric-names.ts). */
const errorCodeMetric = (code: string): MetricQuery => ({
  namespace: METRICS_NAMESPACE,
  metricName: ERRORS_METRIC.name,
  dimensions: { service: METRICS_SERVICE, [ERRORS_METRIC.codeDimension]: code },
  stat: "Sum",
});

const DEFINITIONS: Record<AlarmName, AlarmDefinition> = {
  serverErrorRatePercent: {
    id: "server-error-rate",
    description: `More than ${thresholds.serverErrorRatePercent}% of requests answered 5xx by API Gateway`,
    metrics: [apiMetric("5xx", "Sum"), apiMetric("Count", "Sum")],
    expression: `IF(m1 >= ${thresholds.serverErrorRateMinRequests}, 100 * m0 / m1, 0)`,
    label: "% of requests",
  },
  latencyP99Ms: {
    id: "latency-p99",
    description: `API Gateway's p99 latency above ${thresholds.latencyP99Ms} ms`,
    metrics: [apiMetric("Latency", "p99")],
    label: "ms",
  },
  lambdaErrors: {
    id: "lambda-errors",
    description: "Invocations of the GraphQL function that crashed or timed out",
    metrics: [lambdaMetric("Errors")],
    label: "invocations",
  },
  lambdaThrottles: {
    id: "lambda-throttles",
    description: "Invocations of the GraphQL function refused for lack of concurrency",
    metrics: [lambdaMetric("Throttles")],
    label: "invocations",
  },
  dynamoThrottledRequests: {
    id: "dynamodb-throttles",
    description: "Requests of the function's operations that the table throttled",
    metrics: tableMetrics("ThrottledRequests"),
    expression: sumOf(tableMetrics("ThrottledRequests")),
    label: "requests",
  },
  dynamoSystemErrors: {
    id: "dynamodb-system-errors",
    description: "Requests of the function's operations that failed inside DynamoDB (HTTP 500)",
    metrics: tableMetrics("SystemErrors"),
    expression: sumOf(tableMetrics("SystemErrors")),
    label: "requests",
  },
  unavailableErrors: {
    id: "unavailable-errors",
    description: "UNAVAILABLE errors answered: the table is unreachable or overloaded",
    metrics: [errorCodeMetric("UNAVAILABLE")],
    label: "errors",
  },
  internalServerErrors: {
    id: "internal-server-errors",
    description: "INTERNAL_SERVER_ERROR errors answered: a bug, logged with its request id",
    metrics: [errorCodeMetric("INTERNAL_SERVER_ERROR")],
    label: "errors",
  },
};

const alarms = Object.entries(DEFINITIONS).map(([name, definition]) => {
  const threshold = thresholds[name as AlarmName];
  const alarm = new aws.cloudwatch.MetricAlarm(`${name}Alarm`, {
    name: `${$app.name}-${$app.stage}-${definition.id}`,
    alarmDescription: `${definition.description} (over ${threshold} in ${thresholds.datapointsToAlarm} of ${thresholds.evaluationPeriods} periods of ${period} s). What to do: docs/operations.md#${definition.id}`,
    comparisonOperator: "GreaterThanThreshold",
    threshold,
    evaluationPeriods: thresholds.evaluationPeriods,
    datapointsToAlarm: thresholds.datapointsToAlarm,
    // No traffic, no data: nothing is failing.
    treatMissingData: "notBreaching",
    metricQueries: [
      ...definition.metrics.map((metric, i) => ({
        id: `m${i}`,
        metric: { ...metric, period },
        returnData: definition.expression === undefined,
      })),
      ...(definition.expression === undefined
        ? []
        : [{ id: "e0", expression: definition.expression, label: definition.label, returnData: true }]),
    ],
    alarmActions: [alarmTopic.arn],
    okActions: [alarmTopic.arn],
  });
  return { definition, threshold, alarm };
});

/** A dashboard graph of an alarm's metric (or expression), with its threshold drawn across. */
function graph({ definition, threshold }: (typeof alarms)[number]) {
  const metrics = definition.metrics.map(({ namespace, metricName, dimensions, stat }, i) => [
    namespace,
    metricName,
    ...Object.entries(dimensions).flat(),
    { id: `m${i}`, stat, visible: definition.expression === undefined },
  ]);
  return {
    type: "metric",
    width: 8,
    height: 6,
    properties: {
      title: definition.description,
      region,
      period,
      view: "timeSeries",
      metrics:
        definition.expression === undefined
          ? metrics
          : [...metrics, [{ id: "e0", expression: definition.expression, label: definition.label }]],
      annotations: { horizontal: [{ label: "alarm above", value: threshold }] },
      yAxis: { left: { min: 0, label: definition.label, showUnits: false } },
    },
  };
}

export const dashboard = new aws.cloudwatch.Dashboard("Dashboard", {
  dashboardName: `${$app.name}-${$app.stage}`,
  dashboardBody: $jsonStringify({
    widgets: [
      {
        type: "alarm",
        width: 24,
        height: 3,
        properties: { title: "Alarms", alarms: alarms.map(({ alarm }) => alarm.arn) },
      },
      {
        type: "metric",
        width: 24,
        height: 6,
        properties: {
          title: "Requests and HTTP errors (API Gateway)",
          region,
          period,
          view: "timeSeries",
          stat: "Sum",
          metrics: ["Count", "4xx", "5xx"].map((name) => ["AWS/ApiGateway", name, "ApiId", api.nodes.api.id]),
        },
      },
      ...alarms.map(graph),
    ],
  }),
});
