/**
 * Bundles the playground (GraphiQL, React, Monaco and its workers, all from node_modules) with esbuild into one folder
 * the API serves as is: index.html plus content-hashed assets, each also gzipped. Run by `npm start`, by
 * `npm run build:playground`, and by the SST stack after it builds the Lambda (stacks/api.ts).
 */
import { createHash } from "node:crypto";
import { build, type Metafile } from "esbuild";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The workers Monaco asks for, by the label it passes to MonacoEnvironment.getWorker. */
const WORKERS = {
  editor: "monaco-editor/esm/vs/editor/editor.worker.js",
  json: "monaco-editor/esm/vs/language/json/json.worker.js",
  graphql: "monaco-graphql/esm/graphql.worker.js",
} as const;

/** Where the API finds the page and assets; index.html names every other file. */
export const INDEX_FILE = "index.html";

/** The URL path prefix the page loads its assets from (relative, so the page works under any base path). */
export const ASSET_PREFIX = "playground/";

/** Records what a build was made from; a build whose inputs are unchanged is kept (npm start builds on every start). */
const BUILD_KEY_FILE = ".build-key";

function outputOf(
  metafile: Metafile | undefined,
  outDir: string,
  entry: string,
): { js: string; css: string | undefined } {
  for (const [file, output] of Object.entries(metafile?.outputs ?? {}))
    if (output.entryPoint !== undefined && output.entryPoint.endsWith(entry))
      return {
        js: relative(outDir, file),
        css: output.cssBundle === undefined ? undefined : relative(outDir, resolve(output.cssBundle)),
      };
  throw new Error(`esbuild wrote no output for ${entry}`);
}

/** A digest of everything the bundle is made from: the playground's sources, the locked dependencies, this builder. */
async function buildKey(rootDir: string): Promise<string> {
  const hash = createHash("sha256");
  const sources = (await readdir(resolve(rootDir, "playground"))).filter((f) => /\.tsx?$/.test(f)).sort();
  for (const file of [...sources.map((f) => `playground/${f}`), "package-lock.json"]) {
    hash.update(file);
    hash.update(await readFile(resolve(rootDir, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex");
}

function html(files: { script: string; style: string; workers: Record<keyof typeof WORKERS, string> }): string {
  const worker = (label: keyof typeof WORKERS) => `data-${label}-worker="${ASSET_PREFIX}${files.workers[label]}"`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>mail-access-api playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${ASSET_PREFIX}${files.style}" />
    <style>
      html, body, #root { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="root" ${worker("editor")} ${worker("json")} ${worker("graphql")}></div>
    <script src="${ASSET_PREFIX}${files.script}"></script>
  </body>
</html>
`;
}

export interface PlaygroundBuild {
  outDir: string;
  files: string[];
  bytes: number;
  milliseconds: number;
}

/** Builds the playground into `outDir` (replacing what is there); `rootDir` is the repository (node_modules, playground/). */
export async function buildPlayground(
  outDir: string,
  { rootDir = process.cwd(), reuse = false }: { rootDir?: string; reuse?: boolean } = {},
): Promise<PlaygroundBuild & { reused: boolean }> {
  const started = Date.now();
  const out = resolve(rootDir, outDir);
  const key = await buildKey(rootDir);
  if (reuse && (await readFile(join(out, BUILD_KEY_FILE), "utf8").catch(() => "")) === key) {
    const files = (await readdir(out)).filter((f) => !f.endsWith(".gz") && f !== BUILD_KEY_FILE);
    return { outDir: out, files, bytes: 0, milliseconds: Date.now() - started, reused: true };
  }
  // Built beside the target and moved into place, so a server reading the old build (or a concurrent build) never
  // sees a half-written folder.
  const target = out;
  const building = `${target}.${process.pid}-${Date.now()}.tmp`;
  await mkdir(building, { recursive: true });
  try {
    const files = await buildInto(building, rootDir, key);
    await rm(target, { recursive: true, force: true });
    await rename(building, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another build moved its result in first; it was made from the same inputs.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
    return { outDir: target, ...files, milliseconds: Date.now() - started, reused: false };
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

async function buildInto(out: string, rootDir: string, key: string): Promise<{ files: string[]; bytes: number }> {
  const common = {
    absWorkingDir: rootDir,
    bundle: true,
    minify: true,
    format: "iife" as const,
    target: ["chrome110", "firefox110", "safari16"],
    outdir: out,
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    legalComments: "none" as const,
    logLevel: "warning" as const,
    define: { "process.env.NODE_ENV": '"production"' },
  };
  const workers = await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([label, path]) => [`${label}.worker`, path])),
  });
  const app = await build({
    ...common,
    entryPoints: { app: resolve(rootDir, "playground/app.tsx") },
    jsx: "automatic",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
  });
  const { js: script, css: style } = outputOf(app.metafile, out, "playground/app.tsx");
  if (style === undefined) throw new Error("esbuild wrote no stylesheet for the playground");
  const workerFiles = Object.fromEntries(
    Object.entries(WORKERS).map(([label, path]) => [label, outputOf(workers.metafile, out, path).js]),
  ) as Record<keyof typeof WORKERS, string>;
  await writeFile(join(out, INDEX_FILE), html({ script, style, workers: workerFiles }));

  // Gzipped twins, so the Lambda can answer within its 6 MB response limit and browsers download a fraction.
  const files = await readdir(out);
  let bytes = 0;
  for (const file of files) {
    const content = await readFile(join(out, file));
    bytes += content.length;
    await writeFile(join(out, `${file}.gz`), gzipSync(content, { level: 9 }));
  }
  await writeFile(join(out, BUILD_KEY_FILE), key);
  return { files, bytes };
}

// `tsx playground/build.ts [outDir]`
if (process.argv[1] !== undefined && basename(process.argv[1]) === "build.ts") {
  const result = await buildPlayground(process.argv[2] ?? "dist/playground");
  console.log(
    `Built the playground into ${result.outDir}: ${result.files.length} files, ${(result.bytes / 1e6).toFixed(1)} MB, ${result.milliseconds} ms.`,
  );
}
