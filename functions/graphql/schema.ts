/**
 * The executable schema, from the document codegen parsed at build time (generated/type-defs.ts), with the resolvers
 * set on its fields in place. From `typeDefs` (the SDL), every cold start would parse it, validate it as SDL and copy
 * the whole schema to attach the resolvers: about 65 ms of CPU per cold start on the benchmark's machine
 * (bench/README.md, cold start). graphql-tools builds it, as Apollo would, so that the schema and Apollo use the same
 * graphql-js module wherever the two builds of graphql-js could both be loaded (the tests).
 */
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { typeDefsDocument } from "./generated/type-defs";
import { resolvers } from "./resolvers";

export function buildExecutableSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: typeDefsDocument,
    resolvers,
    // Validated when codegen printed it from graphql/*.graphql; the type system itself is still validated when Apollo
    // starts (assertValidSchema), and a resolver for a field the schema lacks still fails here.
    assumeValidSDL: true,
    // A schema of its own every time: setting resolvers on it spares copying it.
    updateResolversInPlace: true,
  });
}
