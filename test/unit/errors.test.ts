/** The API's error convention: ApiError, its constructors, its GraphQL form, and finding it behind wrappers. */
import { GraphQLError, locatedError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  apiErrorIn,
  badInput,
  conflict,
  failedPrecondition,
  notFound,
  unavailable,
} from "../../functions/errors";

describe("ApiError", () => {
  it("is an Error with a code, a message and details", () => {
    const error = new ApiError("NOT_FOUND", "No OU at /Sales.", { field: "path" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ApiError");
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("No OU at /Sales.");
    expect(error.details).toEqual({ field: "path" });
    expect(error.stack).toContain("ApiError: No OU at /Sales.");
  });

  it("has no details unless given", () => {
    const error = new ApiError("FORBIDDEN", "Not yours.");
    expect(error.details).toEqual({});
    expect(error.extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("offers the client its code and details as extensions", () => {
    const error = new ApiError("CONFLICT", "Changed meanwhile.", { field: "version", currentVersion: 4 });
    expect(error.extensions).toEqual({ code: "CONFLICT", field: "version", currentVersion: 4 });
  });

  describe("toGraphQLError", () => {
    it("carries the message, the extensions and the ApiError itself as originalError", () => {
      const apiError = badInput("name", "A name must not be empty.");
      const graphQLError = apiError.toGraphQLError();
      expect(graphQLError).toBeInstanceOf(GraphQLError);
      expect(graphQLError.message).toBe("A name must not be empty.");
      expect(graphQLError.extensions).toEqual({ code: "BAD_USER_INPUT", field: "name" });
      expect(graphQLError.originalError).toBe(apiError);
    });

    it("asks for HTTP 401 when unauthenticated", () => {
      const graphQLError = new ApiError("UNAUTHENTICATED", "Sign in.").toGraphQLError();
      expect(graphQLError.extensions).toEqual({ code: "UNAUTHENTICATED", http: { status: 401 } });
    });

    it("asks for HTTP 403 when forbidden (a refusal before the request runs)", () => {
      const graphQLError = new ApiError("FORBIDDEN", "No.").toGraphQLError();
      expect(graphQLError.extensions).toEqual({ code: "FORBIDDEN", http: { status: 403 } });
    });

    it.each(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "FAILED_PRECONDITION", "UNAVAILABLE"] as const)(
      "sets no HTTP status for %s",
      (code) => {
        expect(new ApiError(code, "x").toGraphQLError().extensions).not.toHaveProperty("http");
      },
    );
  });
});

describe("error constructors", () => {
  it("badInput names the field and keeps other details", () => {
    const error = badInput("first", "Too many.", { max: 100 });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe("Too many.");
    expect(error.details).toEqual({ field: "first", max: 100 });
  });

  it("notFound names the field", () => {
    const error = notFound("id", "No OU with this id.");
    expect(error.code).toBe("NOT_FOUND");
    expect(error.details).toEqual({ field: "id" });
  });

  it("conflict and failedPrecondition carry the given details", () => {
    expect(conflict("Changed.", { currentVersion: 3 }).extensions).toEqual({ code: "CONFLICT", currentVersion: 3 });
    expect(conflict("Changed.").details).toEqual({});
    expect(failedPrecondition("Has children.", { childCount: 2 }).extensions).toEqual({
      code: "FAILED_PRECONDITION",
      childCount: 2,
    });
  });

  it("unavailable tells the client to retry after a second", () => {
    const error = unavailable("Catching up.");
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.extensions).toEqual({ code: "UNAVAILABLE", retryable: true, retryAfterSeconds: 1 });
  });
});

describe("apiErrorIn", () => {
  const apiError = notFound("path", "No OU at /Sales.");

  it("finds an ApiError itself", () => {
    expect(apiErrorIn(apiError)).toBe(apiError);
  });

  it("finds an ApiError wrapped once, as a resolver's error reaches Apollo", () => {
    expect(apiErrorIn(locatedError(apiError, undefined, ["orgUnit"]))).toBe(apiError);
    expect(apiErrorIn(apiError.toGraphQLError())).toBe(apiError);
  });

  it("finds an ApiError wrapped twice", () => {
    const twice = new GraphQLError("Context creation failed: No OU at /Sales.", {
      originalError: locatedError(apiError, undefined, ["orgUnit"]),
    });
    expect(apiErrorIn(twice)).toBe(apiError);
  });

  it("finds an ApiError wrapped by any Error with an originalError", () => {
    const wrapper = Object.assign(new Error("wrapped"), { originalError: apiError });
    expect(apiErrorIn(wrapper)).toBe(apiError);
  });

  it("finds nothing behind an unexpected error", () => {
    expect(apiErrorIn(new Error("boom"))).toBeUndefined();
    expect(apiErrorIn(locatedError(new TypeError("x is undefined"), undefined, ["orgUnit"]))).toBeUndefined();
    expect(apiErrorIn(new GraphQLError('Cannot query field "nope" on type "Query".'))).toBeUndefined();
  });

  it("finds nothing in values that are not errors", () => {
    for (const value of [undefined, null, "NOT_FOUND", 42, { code: "NOT_FOUND", message: "x" }])
      expect(apiErrorIn(value)).toBeUndefined();
  });

  it("does not follow `cause`, only `originalError`", () => {
    expect(apiErrorIn(new Error("wrapped", { cause: apiError }))).toBeUndefined();
  });
});
