/**
 * Bundles an entry point the way SST 4 bundles the Node.js function: SST's own fixed esbuild settings (below), with the
 * function's options from stacks/function-bundle.ts, the same object stacks/api.ts hands SST.
 */
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { FUNCTION_BUNDLING } from "../stacks/function-bundle";

/**
 * SST's banner for ESM: bundled CommonJS dependencies call `require` and read `__filename`/`__dirname`, which ESM lacks.
 */
const SST_BANNER = [
  "import { createRequire as topLevelCreateRequire } from 'module';",
  "const require = topLevelCreateRequire(import.meta.url);",
  'import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"',
  "const __filename = topLevelFileUrlToPath(import.meta.url)",
  'const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))',
].join("\n");

export interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The largest contributors to the output, by npm package (or "app" for this project's own code). */
  largest: { name: string; bytes: number }[];
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match === null ? "app" : (match[1] as string);
}

/** With `sourceMap`, also writes `<outfile>.map` (the bundle itself is the same), to trace profiles back to packages. */
export async function bundle(entry: string, outfile: string, options: { sourceMap?: boolean } = {}): Promise<Bundle> {
  const { esbuild, format, minify } = FUNCTION_BUNDLING;
  const result = await build({
    // SST's defaults, which the function's esbuild options may override.
    keepNames: true,
    mainFields: ["module", "main"],
    ...esbuild,
    sourcemap: options.sourceMap === true ? "external" : false,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format,
    minify,
    banner: { js: SST_BANNER },
    metafile: true,
    logLevel: "error",
  });
  assertOneGraphql(result.metafile);
  const bytes = statSync(outfile).size;
  return {
    file: outfile,
    bytes,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    largest: largestPackages(result.metafile),
  };
}

/**
 * graphql-js must be bundled once: two copies load twice, and in production mode (stacks/function-bundle.ts) a value
 * made by one fails the other's `instanceof` checks silently. Its ES (.mjs) and CommonJS (.js) builds are two copies.
 */
function assertOneGraphql(metafile: Metafile): void {
  const builds = new Set(
    Object.keys(metafile.inputs)
      .filter((input) => /node_modules\/graphql\//.test(input))
      .map((input) => (input.endsWith(".mjs") ? "ES" : "CommonJS")),
  );
  if (builds.size > 1) throw new Error("The bundle holds two copies of graphql-js (its ES and CommonJS builds).");
}

function largestPackages(metafile: Metafile): { name: string; bytes: number }[] {
  // One entry point, one output file.
  const [output] = Object.values(metafile.outputs);
  const sizes = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {}))
    sizes.set(packageOf(input), (sizes.get(packageOf(input)) ?? 0) + bytesInOutput);
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
}
