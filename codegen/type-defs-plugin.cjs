// Codegen plugin: embeds the merged schema SDL as a TypeScript module, so the bundled Lambda needs no .graphql files.
const { printSchema } = require("graphql");

module.exports = {
  plugin(schema) {
    return `/** The schema SDL, generated from graphql/*.graphql by codegen.ts. */\nexport const typeDefs = ${JSON.stringify(printSchema(schema))};\n`;
  },
};
