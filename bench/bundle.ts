/** Bundles an entry point the way SST bundles a Node.js function: esbuild, one ESM file, minified, for Node 22. */
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** SST's banner: bundled CommonJS dependencies call `require`, which ESM lacks. */
const SST_BANNER =
  "import { createRequire as topLevelCreateRequire } from 'module'; const require = topLevelCreateRequire(import.meta.url);";

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
  const result = await build({
    sourcemap: options.sourceMap === true ? "external" : false,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    minify: true,
    target: "node22",
    banner: { js: SST_BANNER },
    metafile: true,
    logLevel: "error",
  });
  const bytes = statSync(outfile).size;
  return {
    file: outfile,
    bytes,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    largest: largestPackages(result.metafile),
  };
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
