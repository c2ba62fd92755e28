/**
 * How the GraphQL function is bundled, in one place: stacks/api.ts hands these options to SST (the function's
 * `nodejs`), and bench/bundle.ts builds with them the way SST's own esbuild step does, so that the benchmark and the
 * test that bundles the function (test/e2e/lambda-bundle.test.ts) measure and run what is deployed. It imports neither
 * SST nor the app, so both type-checks (the app's and the infrastructure's) read it.
 *
 * SST passes on only some esbuild options (target, keepNames, define, mainFields, conditions, external, …; no alias,
 * no plugins outside an internal hook); every trick below is one of those. What each is worth: bench/README.md.
 */
import type { BuildOptions } from "esbuild";

interface FunctionBundling {
  format: "esm";
  minify: boolean;
  esbuild: Pick<BuildOptions, "target" | "mainFields" | "define">;
}

export const FUNCTION_BUNDLING: FunctionBundling = {
  format: "esm",
  // SST's documentation says minify defaults to true, but its build step minifies only when asked.
  minify: true,
  esbuild: {
    // What SST derives from the nodejs22.x runtime; SST accepts only "esNNNN" targets here.
    target: "es2023",
    // esbuild's default for Node; SST's is module first. graphql-js has no "exports" map, so "module first" bundles its
    // ES build for `import "graphql"` and its CommonJS build for graphql-armor's deep import of
    // "graphql/language/parser": two copies, which production mode (below) must not have; bench/bundle.ts fails a
    // build with two. Module first would start faster (ES modules need no CommonJS interop): bench/README.md.
    mainFields: ["main", "module"],
    // graphql-js checks `instanceof` across realms in development mode, on every value it executes; Lambda sets no
    // NODE_ENV. The project sets every Apollo default explicitly (functions/graphql/server.ts), so nothing else changes;
    // graphql-armor then bundles its production build only (identical code, one copy instead of two).
    define: { "process.env.NODE_ENV": '"production"' },
  },
};
