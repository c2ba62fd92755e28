/**
 * The cold-start baseline: the smallest Apollo Server Lambda handler, with the same server and the same API Gateway
 * (payload v2) adapter as functions/graphql/lambda.ts, and one `hello: String` query. Bundled exactly like
 * functions/handler.ts, its start-up is what any Apollo Server Lambda pays; the rest is ours.
 */
import { ApolloServer } from "@apollo/server";
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";

const server = new ApolloServer({
  typeDefs: "type Query { hello: String }",
  resolvers: { Query: { hello: () => "Hello, world!" } },
});

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler());
