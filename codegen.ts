/** Generates resolver types, the embedded SDL and the printed schema contract from graphql/*.graphql. */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "graphql/**/*.graphql",
  generates: {
    "functions/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        contextType: "../context#Context",
        mappers: {
          OrgUnit: "../../domain/org-unit#OrgUnit as OrgUnitModel",
          Customer: "../../domain/customer#Customer as CustomerModel",
        },
        scalars: { DateTime: "string", ID: "string" },
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
      },
    },
    "functions/graphql/generated/type-defs.ts": { plugins: ["./codegen/type-defs-plugin.cjs"] },
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: true } },
  },
};

export default config;
