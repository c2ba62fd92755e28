/**
 * The schema's own scalar. A custom scalar without parsing lets any JSON value through to the resolvers (an object, an
 * array nested 100,000 deep); DateTime is a string (the services check that it is a date and time, and its length).
 */
import { Kind, type GraphQLScalarType, type ValueNode } from "graphql";
import type { Resolvers } from "../generated/resolvers";

const NOT_A_STRING = 'A DateTime is an ISO 8601 string, e.g. "2026-11-30T09:15:00.000Z".';

// TypeErrors, not GraphQLErrors: graphql-js reports either as the fault of the variable or literal, whichever copy of
// graphql built the schema.
const dateTime = {
  parseValue(value: unknown): string {
    if (typeof value !== "string") throw new TypeError(NOT_A_STRING);
    return value;
  },
  parseLiteral(node: ValueNode): string {
    if (node.kind !== Kind.STRING) throw new TypeError(NOT_A_STRING);
    return node.value;
  },
};

export const scalarResolvers: Resolvers = {
  // Only the parsing: graphql-tools copies each property given onto the schema's DateTime, which keeps its description.
  DateTime: dateTime as Partial<GraphQLScalarType> as GraphQLScalarType,
};
