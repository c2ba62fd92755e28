// Lint rules: typescript-eslint's recommended type-aware set, type-only imports, and no reach into generated code.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".sst/**",
      ".data/**",
      "node_modules/**",
      "functions/graphql/generated/**",
      "test-results/**",
      "dist/**",
      "test/generated/**",
      "codegen/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // SST's config must reference its generated platform types this way.
  { files: ["sst.config.ts"], rules: { "@typescript-eslint/triple-slash-reference": "off" } },
  // Tests read untyped GraphQL responses.
  { files: ["test/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Every transaction goes through the builder, whose items explain their own failures (functions/store/transaction.ts):
  // nothing else may send one, or read a cancellation's reasons by the position of an item.
  {
    files: ["functions/**/*.ts"],
    ignores: ["functions/store/transaction.ts", "functions/store/db.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='CancellationReasons']",
          message: "Give the transaction item an onConditionFailed (functions/store/transaction.ts) instead.",
        },
        {
          selector: "CallExpression[callee.property.name='transact']",
          message: "Send transactions with transact() from functions/store/transaction.ts (or a unit of work).",
        },
      ],
    },
  },
);
