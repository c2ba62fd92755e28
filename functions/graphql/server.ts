/** The one Apollo Server factory, used by the Lambda handler (and so by the local server and the tests). */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLFormattedError } from "graphql";
import type { Config } from "../config";
import { apiErrorIn } from "../errors";
import { log } from "../log";
import type { Context } from "./context";
import { typeDefs } from "./generated/type-defs";
import { resolvers } from "./resolvers";

type ServerConfig = Pick<Config, "introspection" | "landingPage" | "includeStackTraces">;

/** Apollo's own request errors (parse, validation, variable coercion, bad HTTP request), all caused by the client. */
const clientErrorCodes = new Set<unknown>(
  Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
);

/** An error the client caused or may act on: ours (an ApiError) or Apollo's request errors. Everything else is masked. */
function isExpected(error: unknown): boolean {
  if (apiErrorIn(error) !== undefined) return true;
  return clientErrorCodes.has((error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code);
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const apiError = apiErrorIn(error);
  if (apiError !== undefined) return { ...formatted, message: apiError.message, extensions: apiError.extensions };
  if (isExpected(error)) return formatted;
  return {
    message: "Internal server error.",
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** Logs each unexpected error once, with the request id, and reports the request id and round trips in headers. */
const requestReporting: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors, operationName }) {
        for (const error of errors) {
          if (isExpected(error)) continue;
          const original = unwrapResolverError(error) as Error;
          log.error("unexpected error", {
            requestId: contextValue.requestId,
            customerId: contextValue.customerId,
            operationName,
            path: error.path,
            error: original?.stack ?? String(original),
          });
        }
      },
      async willSendResponse({ response }) {
        response.http.headers.set("x-request-id", contextValue.requestId);
        response.http.headers.set("x-dynamodb-round-trips", String(contextValue.db.roundTrips));
      },
    };
  },
};

export function createServer(config: ServerConfig): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    // Lambda sets no NODE_ENV, so every environment-dependent behaviour is set explicitly from configuration.
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.includeStackTraces,
    formatError,
    plugins: [
      requestReporting,
      config.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
