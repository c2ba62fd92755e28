/** The one Apollo Server factory, used by the Lambda handler (and so by the local server and the tests). */
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import {
  buildASTSchema,
  Kind,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Config } from "../config";
import { apiErrorIn } from "../errors";
import { log } from "../log";
import { currentRequest } from "../request-scope";
import type { Context } from "./context";
import { typeDefsDocument } from "./generated/type-defs";
import { costLimitExceeded, queryCost } from "./cost";
import { buildExecutableSchema } from "./schema";

type ServerConfig = Pick<Config, "introspection" | "includeStackTraces" | "limits">;

/** Apollo's own request errors (parse, validation, variable coercion, bad HTTP request), all caused by the client. */
const clientErrorCodes = new Set<unknown>(
  Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
);

/** An error the client caused or may act on: ours (an ApiError) or Apollo's request errors. Everything else is masked. */
function isExpected(error: unknown): boolean {
  if (apiErrorIn(error) !== undefined) return true;
  return clientErrorCodes.has((error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code);
}

/** What the client sees of an error: its code, and within a request, the request id (to quote to support). */
/** Drops "Did you mean …?" hints, which would reveal the schema where introspection is off. */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: formatted.message.replace(/\s*Did you mean [^?]*\?/g, "") };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shown = forClient(formatted, error);
  const request = currentRequest();
  if (request === undefined) return shown;
  const code = shown.extensions?.code;
  request.errorCodes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
  return { ...shown, extensions: { ...shown.extensions, requestId: request.requestId } };
}

/** The longest piece of the client's input quoted back in a message, and the longest message of GraphQL's own. */
const MAX_QUOTED = 80;
const MAX_MESSAGE = 600;

/**
 * GraphQL's own message, briefly: graphql-js quotes a value that does not fit its type whole (twice), so a huge
 * variable would come back larger than it was sent. Each quoted piece keeps its first characters, as ApiErrors quote
 * input (domain/text.ts `quoted`).
 */
function briefly(message: string): string {
  const short = message.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
    quoted.length <= MAX_QUOTED + 2 ? quoted : `${quoted.slice(0, MAX_QUOTED + 1)}…"`,
  );
  return short.length <= MAX_MESSAGE ? short : `${short.slice(0, MAX_MESSAGE)}…`;
}

/**
 * The input at fault in graphql-js's refusal of a variable (`Variable "$input" got invalid value … at "input.name"; …`,
 * `Variable "$input" of required type … was not provided.`): `$input.name`, the variable and the path inside it, since
 * the variable, not the argument it is given to, is what the client sent.
 */
function variableAtFault(message: string): string | undefined {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
  if (variable === undefined) return undefined;
  const path = new RegExp(` at "(${variable}(?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(message)?.[1];
  return `$${path ?? variable}`;
}

function forClient(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const apiError = apiErrorIn(error);
  if (apiError !== undefined) return { ...formatted, message: apiError.message, extensions: apiError.extensions };
  if (isExpected(error)) {
    const field = formatted.extensions?.code === "BAD_USER_INPUT" ? variableAtFault(formatted.message) : undefined;
    const message = briefly(formatted.message);
    if (field === undefined && message === formatted.message) return formatted;
    return {
      ...formatted,
      message,
      ...(field === undefined ? {} : { extensions: { ...formatted.extensions, field } }),
    };
  }
  return {
    message: "Internal server error.",
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** The name of a document's only operation, if it has exactly one. */
function soleOperationName(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? operations[0]?.name?.value : undefined;
}

/**
 * What ran, as the metrics name it: the operation's root field, or "multiple". Not the operation's name, which the
 * client chooses freely: every distinct value of a dimension is another metric CloudWatch bills. Root fields of a
 * validated operation are the schema's.
 */
function rootFieldOf(operation: OperationDefinitionNode): string {
  const [selection, ...others] = operation.selectionSet.selections;
  return selection?.kind === Kind.FIELD && others.length === 0 ? selection.name.value : "multiple";
}

/**
 * The schema the cost is counted against, built with this module's own graphql: Apollo's is built by its own copy
 * where CommonJS and ES modules mix (tests, tsx), and graphql's type checks refuse objects of another copy. From the
 * document parsed at build time, with nothing validated again: it is the served schema's type system, without resolvers.
 */
const costSchemaOf = (): GraphQLSchema => buildASTSchema(typeDefsDocument, { assumeValidSDL: true, assumeValid: true });

/**
 * Refuses a query that costs more than `maxCost` before it runs; logs each unexpected error once, with the request id;
 * reports the request id and round trips in headers; and tells the request's log line and metrics (written by the HTTP
 * layer, functions/graphql/http.ts) who called, what ran and its cost.
 */
const requestReporting = (costSchema: GraphQLSchema, maxCost: number): ApolloServerPlugin<Context> => ({
  async requestDidStart({ contextValue }) {
    const record = currentRequest();
    if (record !== undefined) record.customerId = contextValue.customerId;
    return {
      async didResolveOperation({ operationName, operation, document, request }) {
        if (record !== undefined) {
          record.operationName = operationName;
          record.operationType = operation?.operation;
          if (operation !== undefined) record.operation = rootFieldOf(operation);
        }
        const cost = queryCost(costSchema, document, operationName ?? undefined, request.variables ?? {});
        if (cost !== undefined && cost > maxCost) throw costLimitExceeded(cost, maxCost);
      },
      async didEncounterErrors({ errors, operationName }) {
        for (const error of errors) {
          if (isExpected(error)) continue;
          const original = unwrapResolverError(error) as Error;
          log.error("unexpected error", {
            requestId: contextValue.requestId,
            customerId: contextValue.customerId,
            operationName,
            path: error.path,
            error: original instanceof Error ? original : String(original),
          });
        }
      },
      async willSendResponse({ response, request, document }) {
        // A key checked alongside the first read may turn out invalid after the document was validated or executed:
        // then the caller gets exactly what an invalid key gets up front, and nothing of what was read or validated.
        const refusal = await contextValue.caller().then(
          (caller) => {
            // Only a verified caller is named in the request log.
            if (record !== undefined) record.actor = { kind: caller.kind, id: caller.id };
            return undefined;
          },
          (error: unknown) => error as GraphQLError,
        );
        const code = refusal?.extensions?.code;
        if (refusal !== undefined && (code === "UNAUTHENTICATED" || code === "FORBIDDEN")) {
          response.http.status = Number((refusal.extensions.http as { status?: number } | undefined)?.status ?? 401);
          response.body = {
            kind: "single",
            singleResult: {
              errors: [
                {
                  message: refusal.message,
                  extensions: { code: refusal.extensions.code, requestId: contextValue.requestId },
                },
              ],
            },
          };
        }
        // A request that failed validation never resolved its operation; its document may still name it.
        if (record !== undefined) record.operationName ??= request.operationName ?? soleOperationName(document) ?? null;
        response.http.headers.set("x-request-id", contextValue.requestId);
        // A refusal says nothing of what the request would have read: not even how much.
        if (refusal !== undefined) return;
        response.http.headers.set("x-dynamodb-round-trips", String(contextValue.db.roundTrips));
        response.http.headers.set("x-dynamodb-sequential-round-trips", String(contextValue.db.sequentialRoundTrips));
      },
    };
  },
});

export function createServer(config: ServerConfig): ApolloServer<Context> {
  const limits = config.limits;
  // Query limits against abusive documents; field suggestions are hidden wherever the schema is not public.
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    // graphql-armor's cost counts only literal page sizes; the cost is counted with variables instead (./cost.ts).
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    // Tokens are limited by graphql-js's own parser (parseOptions below), which reports a 400 parse failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
  return new ApolloServer<Context>({
    schema: buildExecutableSchema(),
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: limits.maxTokens },
    // No "Did you mean" for fields, arguments, types or enum values where the schema is not public.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    // Lambda sets no NODE_ENV, so every environment-dependent behaviour is set explicitly from configuration.
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.includeStackTraces,
    formatError: config.introspection
      ? formatError
      : (formatted, error) => withoutSuggestions(formatError(formatted, error)),
    // The playground is served by the HTTP layer from this project's own bundle (Apollo's landing page loads from a CDN).
    // Inline traces are for federated subgraphs, which this is not; unless disabled, Apollo loads the plugin, and with
    // it the usage-reporting protobuf, on every cold start. Cache control would run on every resolved field, and the
    // API sets no cache hints (without any, Apollo sends no Cache-Control header either way).
    plugins: [
      requestReporting(costSchemaOf(), limits.maxCost),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
    ],
  });
}
