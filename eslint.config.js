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
);
