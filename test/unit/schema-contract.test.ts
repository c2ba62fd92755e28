/**
 * The published contract (schema.graphql) documents itself: every type, field, argument, input field and enum value
 * has a description, and every error code the API can send is a described value of the ErrorCode enum.
 */
import { readFileSync } from "node:fs";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLEnumType,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ErrorCode as ApiErrorCode } from "../../functions/errors";
import type { ErrorCode as SchemaErrorCode } from "../../functions/graphql/generated/resolvers";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import type { HttpErrorCode } from "../../functions/graphql/http-errors";

const schema = buildSchema(typeDefs);

/** Every schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (description === undefined || description === null || description.trim() === "") missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

describe("the schema's descriptions", () => {
  it("describes every type, field, argument, input field and enum value", () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it("is the schema that schema.graphql publishes", () => {
    const published = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
    expect(Object.keys(published.getTypeMap()).sort()).toEqual(Object.keys(schema.getTypeMap()).sort());
  });

  it("finds what is missing (the check itself works)", () => {
    const bare = buildSchema(`
      "Root." type Query { a(x: Int): E, b: String }
      enum E { ONE "Two." TWO }
      input I { f: Int }
    `);
    expect(undocumented(bare)).toEqual(["Query.a", "Query.a(x:)", "Query.b", "E", "E.ONE", "I", "I.f"]);
  });
});

describe("error codes", () => {
  const documented = new Set((schema.getType("ErrorCode") as GraphQLEnumType).getValues().map((v) => v.name));

  it("documents every code the API's own errors use", () => {
    expectTypeOf<ApiErrorCode>().toExtend<SchemaErrorCode>();
    expectTypeOf<HttpErrorCode>().toExtend<SchemaErrorCode>();
  });

  it("documents every code Apollo Server sends", () => {
    expect(Object.values(ApolloServerErrorCode).filter((code) => !documented.has(code))).toEqual([]);
  });
});
