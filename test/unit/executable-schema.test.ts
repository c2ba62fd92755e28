/**
 * The server builds its schema from the document codegen parsed at build time (functions/graphql/schema.ts), not from
 * the SDL: it must have every type and field of the published schema, with the same descriptions, and every resolver
 * on its field. (Plain property reads only: in the tests, graphql-tools may hold graphql-js's other build.)
 */
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { resolvers } from "../../functions/graphql/resolvers";
import { buildExecutableSchema } from "../../functions/graphql/schema";

type Fields = Record<string, { description?: string | null; resolve?: unknown; args?: { name: string }[] }>;
const fieldsOf = (type: unknown): Fields | undefined =>
  typeof (type as { getFields?: unknown }).getFields === "function"
    ? (type as { getFields: () => Fields }).getFields()
    : undefined;

describe("the executable schema", () => {
  const schema = buildExecutableSchema();
  const published = buildSchema(typeDefs);

  it("has the published schema's types, fields, arguments and descriptions", () => {
    const types = Object.values(published.getTypeMap()).filter((type) => !type.name.startsWith("__"));
    expect(types.length).toBeGreaterThan(20);
    for (const type of types) {
      const built = schema.getType(type.name);
      expect(built?.description, type.name).toBe(type.description);
      const [expected, actual] = [fieldsOf(type), fieldsOf(built)];
      expect(Object.keys(actual ?? {}), type.name).toEqual(Object.keys(expected ?? {}));
      for (const [name, field] of Object.entries(expected ?? {})) {
        expect(actual?.[name]?.description, `${type.name}.${name}`).toBe(field.description);
        expect(actual?.[name]?.args?.map((a) => a.name)).toEqual(field.args?.map((a) => a.name));
      }
    }
  });

  it("has every resolver on its field, and no other", () => {
    // A scalar's entry (DateTime) is its parsing, not field resolvers; a union's __resolveType is the type's, not a
    // field's: it is on the type.
    const withResolvers = Object.entries(resolvers)
      .filter(([type]) => fieldsOf(schema.getType(type)) !== undefined)
      .flatMap(([type, fields]) =>
        Object.keys(fields as object)
          .filter((name) => {
            if (!name.startsWith("__")) return true;
            expect((schema.getType(type) as { resolveType?: unknown }).resolveType, `${type}.${name}`).toBeTypeOf(
              "function",
            );
            return false;
          })
          .map((name) => `${type}.${name}`),
      );
    const ownTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
    const resolved = ownTypes.flatMap((type) =>
      Object.entries(fieldsOf(type) ?? {})
        .filter(([, field]) => typeof field.resolve === "function")
        .map(([name]) => `${type.name}.${name}`),
    );
    expect(resolved.sort()).toEqual(withResolvers.sort());
  });

  it("takes a DateTime as a string only", () => {
    const dateTime = schema.getType("DateTime") as unknown as { parseValue: (value: unknown) => unknown };
    expect(dateTime.parseValue("2026-11-30T09:15:00.000Z")).toBe("2026-11-30T09:15:00.000Z");
    for (const value of [1_700_000_000_000, { at: "now" }, [[[]]], true])
      expect(() => dateTime.parseValue(value)).toThrow(TypeError);
  });
});
