// The GraphQL Lambda and the HTTP API that fronts it.
import { ROUTES } from "../functions/graphql/routes";
import { TABLE_ACTIONS } from "../functions/store/table-access";
import { buildPlaygroundInChild } from "../playground/build-in-child";
import { table } from "./database";
import { FUNCTION_BUNDLING } from "./function-bundle";
import { config, isProduction } from "./stage";
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, FUNCTION_TIMEOUT_SECONDS } from "./stage-config";

export const graphqlFunction = new sst.aws.Function("GraphqlFunction", {
  handler: "functions/handler.handler",
  runtime: "nodejs22.x",
  memory: "1024 MB",
  // Bundled with the options the benchmark measures (stacks/function-bundle.ts).
  nodejs: FUNCTION_BUNDLING,
  // Below API Gateway's 30 s (stacks/stage-config.ts says why).
  timeout: `${FUNCTION_TIMEOUT_SECONDS} seconds`,
  logging: { retention: config.logRetention },
  ...(config.reservedConcurrency === null ? {} : { concurrency: { reserved: config.reservedConcurrency } }),
  // Not `link: [table]`, which grants dynamodb:* (DeleteTable included): exactly the actions the code's commands need,
  // on the table and its indexes (functions/store/table-access.ts, checked against the code by a unit test).
  permissions: [{ actions: [...TABLE_ACTIONS], resources: [table.arn, $interpolate`${table.arn}/index/*`] }],
  // Apollo's defaults key off NODE_ENV, which bundlers and Lambda don't set reliably, so every switch is explicit.
  environment: {
    TABLE_NAME: table.name,
    STAGE: $app.stage,
    API_INTROSPECTION: String(!isProduction),
    API_LANDING_PAGE: String(!isProduction),
    API_STACK_TRACES: "false",
    // Relative to LAMBDA_TASK_ROOT, where the hook below puts it (functions/config.ts).
    PLAYGROUND_DIR: "playground",
  },
  // The playground (GraphiQL from npm, bundled by playground/build.ts) ships beside the handler in every stage, since
  // API_LANDING_PAGE may turn it on anywhere; its assets are only read when asked for. Built in a child process with
  // the project's own esbuild, as the tests build it (playground/build-in-child.ts says why).
  hook: {
    async postbuild(dir) {
      await buildPlaygroundInChild(`${dir}/playground`, $cli.paths.root);
    },
  },
});

export const api = new sst.aws.ApiGatewayV2("Api", {
  // SST's default allows any header ("*"), which browsers do not take to cover Authorization: the headers the API
  // reads are listed instead (test/unit/stage-config.test.ts checks them against the code).
  cors: {
    allowOrigins: config.corsAllowOrigins,
    allowMethods: ["GET", "POST"],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    maxAge: "1 hour",
  },
  accessLog: { retention: config.logRetention },
  transform: {
    // One throttle for the whole stage: beyond it API Gateway answers 429 itself, before the function or the table
    // see the load. (HTTP APIs have no per-client usage plans; a flooding partner is stopped here and by the
    // function's reserved concurrency.)
    stage: {
      defaultRouteSettings: {
        throttlingRateLimit: config.throttling.rateLimit,
        throttlingBurstLimit: config.throttling.burstLimit,
      },
    },
  },
});
// GraphQL, the playground and the health check: one handler answers them all (functions/graphql/routes.ts).
for (const route of ROUTES) api.route(route, graphqlFunction.arn);
