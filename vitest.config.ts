/** Three test projects: unit (no I/O), integration (the handler in-process on DynamoDB Local), e2e (npm start over HTTP). */
import { defineConfig } from "vitest/config";

const loopbackOnly = "test/support/loopback-only.ts";
/** Bundled like the app's own code, so that the handler counts a query's cost with the app's copy of graphql. */
const appDeps = { inline: ["graphql-query-complexity"] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          setupFiles: [loopbackOnly],
          // Bundled like the tests, so GraphQL Inspector and the tests share one graphql module (ESM, not its CJS twin).
          server: { deps: { inline: ["@graphql-inspector/core"] } },
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/dynamodb-global-setup.ts"],
          setupFiles: [loopbackOnly, "test/support/quiet-request-lines.ts"],
          server: { deps: appDeps },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // After unit and integration: these start servers, DynamoDB Locals and a browser, which on a 2-core machine
          // would slow the integration tests' DynamoDB Local past its client's 5 s timeout.
          sequence: { groupOrder: 1 },
          globalSetup: ["test/support/playground-global-setup.ts"],
          setupFiles: [loopbackOnly],
          // Some of these call the handler in-process too.
          server: { deps: appDeps },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
