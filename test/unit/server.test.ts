/**
 * formatError, the last step every error takes before it reaches the client: ApiErrors show their own message and
 * extensions, request errors the client caused pass through, anything else is masked.
 */
import {
  buildSchema,
  getVariableValues,
  GraphQLError,
  locatedError,
  parse,
  validate,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { ApiError, badInput, conflict, notFound } from "../../functions/errors";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { formatError } from "../../functions/graphql/server";

const MASKED_MESSAGE = "Internal server error.";

const document = parse('query Lookup { orgUnit(orgUnitPath: "Sales") { id } }');
const operation = document.definitions[0] as OperationDefinitionNode;
const orgUnitField = operation.selectionSet.selections[0] as FieldNode;

/** An error thrown by the orgUnit resolver, as graphql-js hands it on: located, with the thrown error as originalError. */
const thrownByResolver = (error: Error) => locatedError(error, [orgUnitField], ["orgUnit"]);

/** What Apollo passes formatError as its first argument (errorNormalize.js's enrichError, which strips `http`). */
function formattedByApollo(error: GraphQLError, extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  const own: Record<string, unknown> = { ...error.extensions };
  delete own.http;
  return { ...error.toJSON(), extensions: { ...own, code: own.code ?? "INTERNAL_SERVER_ERROR", ...extensions } };
}

/** Runs formatError the way Apollo does: the formatted error first, the error itself second. */
const format = (error: GraphQLError, extensions: Record<string, unknown> = {}) =>
  formatError(formattedByApollo(error, extensions), error);

describe("formatError for ApiErrors", () => {
  it("shows a resolver's ApiError with its own message, its location and path, and { code, ...details }", () => {
    const error = thrownByResolver(notFound("path", "No organizational unit at /Sales."));
    expect(format(error)).toEqual({
      message: "No organizational unit at /Sales.",
      locations: [{ line: 1, column: 16 }],
      path: ["orgUnit"],
      extensions: { code: "NOT_FOUND", field: "path" },
    });
  });

  it("shows details beyond the field, such as the current version", () => {
    const error = thrownByResolver(conflict("The OU changed meanwhile.", { currentVersion: 4, retryable: false }));
    expect(format(error).extensions).toEqual({ code: "CONFLICT", currentVersion: 4, retryable: false });
  });

  it("shows the ApiError's own message and extensions when it is wrapped two levels deep", () => {
    const apiError = badInput("customerId", "Unknown customer.");
    const twice = new GraphQLError("Context creation failed: Unknown customer.", {
      originalError: apiError.toGraphQLError(),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    const formatted = format(twice);
    expect(formatted.message).toBe("Unknown customer.");
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", field: "customerId" });
  });

  it("shows an ApiError's GraphQL form (toGraphQLError) without the HTTP status Apollo has already applied", () => {
    const error = new ApiError("UNAUTHENTICATED", "Sign in first.").toGraphQLError();
    expect(format(error)).toEqual({ message: "Sign in first.", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("replaces Apollo's extensions entirely, stack trace included", () => {
    const error = thrownByResolver(badInput("name", "Bad name."));
    const formatted = format(error, { stacktrace: ["ApiError: Bad name.", "    at validateName"] });
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", field: "name" });
  });
});

describe("formatError for unexpected errors", () => {
  it("masks a resolver's plain Error, keeping only the path", () => {
    const error = thrownByResolver(new Error("connect ECONNREFUSED 10.0.0.7:8000"));
    expect(format(error)).toEqual({
      message: MASKED_MESSAGE,
      path: ["orgUnit"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("masks a TypeError the same way", () => {
    const error = thrownByResolver(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(format(error).message).toBe(MASKED_MESSAGE);
  });

  it("leaks neither the message nor the stack trace, even when stack traces are included", () => {
    const error = thrownByResolver(new Error("secret table name mail-access-prod"));
    const formatted = format(error, { stacktrace: ["Error: secret table name mail-access-prod", "    at db.ts:1"] });
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(formatted)).not.toContain("secret");
  });

  it("has no path when the error had none", () => {
    const error = new GraphQLError("Unexpected error value: 42", { originalError: new Error("42") });
    expect(format(error)).toEqual({ message: MASKED_MESSAGE, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });

  it("masks a thrown value that is not an Error", () => {
    const formatted: GraphQLFormattedError = { message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    expect(formatError(formatted, "boom")).toEqual({
      message: MASKED_MESSAGE,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

describe("formatError for errors without a cause", () => {
  it("passes a GraphQLError with one of Apollo's request error codes through unchanged", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      nodes: [orgUnitField],
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const formatted = formattedByApollo(error);
    expect(formatError(formatted, error)).toBe(formatted);
  });

  it("masks a GraphQLError that carries no known code (e.g. a non-null violation during execution)", () => {
    const [error] = validate(buildSchema(typeDefs), parse("{ noSuchField }"));
    const formatted = formattedByApollo(error as GraphQLError);
    expect(formatError(formatted, error)).toEqual({
      message: MASKED_MESSAGE,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

/**
 * Apollo Server never hands formatError its parse, validation or variable errors without an
 * originalError. @apollo/server 5.5.1 (dist/esm/internalErrorClasses.js) wraps each graphql-js error before
 * formatting it: SyntaxError with `originalError: graphqlError`, ValidationError and UserInputError with
 * `originalError: graphqlError.originalError ?? graphqlError`, and sets its own extensions.code. This helper builds
 * exactly that wrapper, so the tests show these client errors pass through despite their cause.
 */
function wrappedAsApolloDoes(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
}

function parseError(query: string): GraphQLError {
  try {
    parse(query);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`expected ${JSON.stringify(query)} not to parse`);
}

describe("formatError for request errors as Apollo Server actually delivers them", () => {
  const schema = buildSchema(typeDefs);

  it("passes a syntax error through", () => {
    const error = wrappedAsApolloDoes(parseError("{ orgUnit(orgUnitPath: "), "GRAPHQL_PARSE_FAILED");
    const formatted = formattedByApollo(error);
    expect(formatError(formatted, error)).toEqual(formatted);
  });

  it("passes a validation error through", () => {
    const [validationError] = validate(schema, parse("{ noSuchField }"));
    const error = wrappedAsApolloDoes(validationError as GraphQLError, "GRAPHQL_VALIDATION_FAILED");
    const formatted = formattedByApollo(error);
    expect(formatError(formatted, error)).toEqual(formatted);
  });

  it("passes a variable of the wrong type through, naming it as the field at fault", () => {
    const query = parse("query ($path: String) { orgUnit(orgUnitPath: $path) { id } }");
    const variableDefinitions = (query.definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
    const { errors } = getVariableValues(schema, variableDefinitions, { path: 5 });
    const error = wrappedAsApolloDoes(errors?.[0] as GraphQLError, "BAD_USER_INPUT");
    const formatted = formattedByApollo(error);
    expect(formatError(formatted, error)).toEqual({
      ...formatted,
      extensions: { ...formatted.extensions, field: "$path" },
    });
  });

  it("names the path inside a variable, and quotes a huge value briefly", () => {
    const query = parse("mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { path } }");
    const variableDefinitions = (query.definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
    const huge = "9".repeat(100_000);
    const { errors } = getVariableValues(schema, variableDefinitions, { input: { expectedVersion: huge } });
    const error = wrappedAsApolloDoes(errors?.[0] as GraphQLError, "BAD_USER_INPUT");
    const shown = formatError(formattedByApollo(error), error);
    expect(shown.extensions?.field).toBe("$input.expectedVersion");
    expect(shown.message.length).toBeLessThan(700);
    expect(shown.message).toMatch(/^Variable "\$input" got invalid value "9{80}…" at "input.expectedVersion"; Int /);
  });
});
