// The GraphQL Lambda and the HTTP API that fronts it.
import { table } from "./database";
import { isProduction } from "./stage";

export const graphqlFunction = new sst.aws.Function("GraphqlFunction", {
  handler: "functions/handler.handler",
  runtime: "nodejs22.x",
  memory: "1024 MB",
  // Renames and moves of large subtrees run several transactions in one request.
  timeout: "30 seconds",
  link: [table],
  // Apollo's defaults key off NODE_ENV, which bundlers and Lambda don't set reliably, so every switch is explicit.
  environment: {
    TABLE_NAME: table.name,
    STAGE: $app.stage,
    API_INTROSPECTION: String(!isProduction),
    API_LANDING_PAGE: String(!isProduction),
    API_STACK_TRACES: "false",
  },
});

export const api = new sst.aws.ApiGatewayV2("Api");
api.route("POST /graphql", graphqlFunction.arn);
api.route("GET /graphql", graphqlFunction.arn);
