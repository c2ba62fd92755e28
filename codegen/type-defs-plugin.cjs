// Codegen plugin: embeds the merged schema as a TypeScript module, so the bundled Lambda needs no .graphql files: the
// SDL (for tools and tests) and the same SDL already parsed, so that a cold start builds the schema without parsing it.
const { parse, printSchema } = require("graphql");

module.exports = {
  plugin(schema) {
    const sdl = printSchema(schema);
    // JSON.parse of a string literal: V8 reads it far faster than the equivalent object literal (or graphql's parser).
    const document = JSON.stringify(JSON.stringify(parse(sdl, { noLocation: true })));
    return [
      'import type { DocumentNode } from "graphql";',
      "",
      "/** The schema SDL, generated from graphql/*.graphql by codegen.ts. */",
      `export const typeDefs = ${JSON.stringify(sdl)};`,
      "",
      "/** `typeDefs` parsed at build time (without locations): what the server builds its schema from. */",
      `export const typeDefsDocument: DocumentNode = JSON.parse(${document});`,
      "",
    ].join("\n");
  },
};
