/**
 * Builds the playground into a folder in a child process, with this repository's own toolchain: `node <tsx's CLI>
 * playground/build.ts <outDir>`, what `npm run build:playground` runs. The SST stack's post-build hook uses it
 * (stacks/api.ts), and so does the test that bundles the function as SST does (test/e2e/lambda-bundle.test.ts).
 *
 * Why a child process: imported into SST's config bundle, playground/build.ts would get SST's own esbuild (0.21,
 * in .sst/platform/node_modules) instead of the project's (0.28) that `npm start` and the tests build with, so the
 * deployed page would not be the tested page.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/** The command and its arguments; `rootDir` is the repository, whose node_modules provide tsx and esbuild. */
function playgroundBuildCommand(outDir: string, rootDir: string): { command: string; args: string[] } {
  // Resolved from the repository's package.json, not from wherever this module was bundled to.
  const require = createRequire(join(rootDir, "package.json"));
  const tsxPackage = require.resolve("tsx/package.json");
  const { bin } = require(tsxPackage) as { bin: string };
  return {
    command: process.execPath,
    args: [resolve(dirname(tsxPackage), bin), resolve(rootDir, "playground/build.ts"), resolve(outDir)],
  };
}

export function buildPlaygroundInChild(outDir: string, rootDir: string): Promise<void> {
  const { command, args } = playgroundBuildCommand(outDir, rootDir);
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: rootDir, stdio: "inherit" });
    child.once("error", fail);
    child.once("close", (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`The playground build (${[command, ...args].join(" ")}) failed: ${signal ?? `exit ${code}`}`)),
    );
  });
}
