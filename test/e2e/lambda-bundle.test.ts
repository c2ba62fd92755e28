/**
 * The function as SST deploys it: bundled as SST bundles a Node.js function, with the options stacks/api.ts hands SST
 * (bench/bundle.ts, stacks/function-bundle.ts), with the playground built beside it by the stack's own
 * post-build step (playground/build-in-child.ts, the hook in stacks/api.ts), then loaded in a Node process with the
 * environment the stack sets, from a working directory that is not its code folder (as LAMBDA_TASK_ROOT allows).
 *
 * Lambda refuses a synchronous response over 6 MiB, counted on the serialized result, so a base64 body counts encoded,
 * and API Gateway then answers a bare 500. Every playground file is asked for with and without gzip: no answer is over
 * the limit, gzip answers carry the file, and a file that cannot fit uncompressed is refused with 406, not sent.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle } from "../../bench/bundle";
import { buildPlaygroundInChild } from "../../playground/build-in-child";
import type { BundleRequest, BundleResult } from "../support/invoke-bundle";
import { REPO_ROOT } from "../support/local-server";

/** Lambda's limit on a synchronous invocation's response payload. */
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

let dir: string;
let assets: string[];
let results: BundleResult[];

/** Runs the bundled handler for `requests` in a child Node process with the stack's environment (stacks/api.ts). */
async function invokeBundle(handlerFile: string, requests: BundleRequest[]): Promise<BundleResult[]> {
  const requestsFile = join(dir, "requests.json");
  const resultsFile = join(dir, "results.json");
  writeFileSync(requestsFile, JSON.stringify(requests));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LAMBDA_TASK_ROOT: join(dir, "task"),
    TABLE_NAME: "mail-access-bundle-test",
    STAGE: "bundle-test",
    API_LANDING_PAGE: "true",
    API_INTROSPECTION: "true",
    API_STACK_TRACES: "false",
    PLAYGROUND_DIR: "playground",
    AWS_REGION: "us-east-1",
    // Nothing here reads the table; were something to try, it would stay on loopback.
    DYNAMODB_ENDPOINT: "http://127.0.0.1:9",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  const script = join(REPO_ROOT, "test/support/invoke-bundle.ts");
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, handlerFile, requestsFile, resultsFile], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    child.once("error", fail);
    child.once("close", (code) =>
      code === 0 ? done() : fail(new Error(`invoke-bundle.ts exited ${code}:\n${stderr}`)),
    );
  });
  return JSON.parse(readFileSync(resultsFile, "utf8")) as BundleResult[];
}

/** What Lambda counts: the result serialized to JSON. */
const responseBytes = (result: BundleResult) => Buffer.byteLength(JSON.stringify(result.response));
const base64Bytes = (bytes: number) => 4 * Math.ceil(bytes / 3);
const bodyOf = (result: BundleResult) =>
  Buffer.from(result.response.body ?? "", result.response.isBase64Encoded ? "base64" : "utf8");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lambda-bundle-"));
  const task = join(dir, "task");
  mkdirSync(join(task, "functions"), { recursive: true });
  const handlerFile = join(task, "functions", "handler.mjs");
  const started = Date.now();
  await bundle(join(REPO_ROOT, "functions/handler.ts"), handlerFile);
  await buildPlaygroundInChild(join(task, "playground"), REPO_ROOT);
  console.log(`bundled the handler and built the playground beside it in ${Date.now() - started} ms`);
  const files = readdirSync(join(task, "playground"));
  assets = files.filter((file) => !file.endsWith(".gz") && !file.startsWith(".") && file !== "index.html");
  const requests: BundleRequest[] = [
    { path: "/", headers: { accept: "text/html", "accept-encoding": BROWSER_ENCODINGS } },
    ...assets.flatMap((file): BundleRequest[] => [
      { path: `/playground/${file}`, headers: {} },
      { path: `/playground/${file}`, headers: { "accept-encoding": BROWSER_ENCODINGS } },
    ]),
  ];
  results = await invokeBundle(handlerFile, requests);
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("the bundled function serves the playground built by the post-build step", () => {
  it("serves the page from LAMBDA_TASK_ROOT, naming assets that were built", () => {
    const page = results.find((r) => r.path === "/");
    expect(page?.response.statusCode).toBe(200);
    const named = [
      ...bodyOf(page as BundleResult)
        .toString()
        .matchAll(/playground\/([^"]+)"/g),
    ].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(assets).toContain(file);
  });

  it("answers every request within Lambda's 6 MiB response limit, base64 counted", () => {
    expect(results.length).toBe(1 + 2 * assets.length);
    const sizes = results.map((r) => ({
      request: `${r.path} ${r.headers["accept-encoding"] ?? "(no Accept-Encoding)"}`,
      status: r.response.statusCode,
      bytes: responseBytes(r),
    }));
    console.log(sizes.map((s) => `  ${s.status} ${s.bytes} bytes  ${s.request}`).join("\n"));
    expect(sizes.filter((s) => s.bytes > LAMBDA_RESPONSE_LIMIT)).toEqual([]);
  });

  it("sends every asset gzipped to a client that accepts gzip", () => {
    for (const file of assets) {
      const result = results.find((r) => r.path === `/playground/${file}` && r.headers["accept-encoding"]);
      expect(result?.response.statusCode, file).toBe(200);
      expect(result?.response.headers?.["content-encoding"], file).toBe("gzip");
      const original = readFileSync(join(dir, "task", "playground", file));
      expect(gunzipSync(bodyOf(result as BundleResult)).equals(original), file).toBe(true);
    }
  });

  it("without gzip, sends what fits as is and refuses what cannot fit with 406 NOT_ACCEPTABLE", () => {
    const refused: string[] = [];
    for (const file of assets) {
      const result = results.find((r) => r.path === `/playground/${file}` && !r.headers["accept-encoding"]);
      const original = readFileSync(join(dir, "task", "playground", file));
      const encoded = base64Bytes(original.length);
      if (result?.response.statusCode === 406) {
        refused.push(file);
        expect(encoded, file).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT - 64 * 1024);
        expect(JSON.parse(result.response.body ?? "")).toEqual({
          errors: [
            {
              message: expect.stringContaining("Accept-Encoding: gzip"),
              extensions: expect.objectContaining({ code: "NOT_ACCEPTABLE", maxBytes: expect.any(Number) }),
            },
          ],
        });
      } else {
        expect(encoded, file).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
        expect(result?.response.statusCode, file).toBe(200);
        expect(result?.response.headers?.["content-encoding"], file).toBeUndefined();
        expect(bodyOf(result as BundleResult).equals(original), file).toBe(true);
      }
    }
    // The app script is over 5 MB: 6.9 MB base64-encoded, which no Lambda response can carry.
    expect(refused).toEqual(assets.filter((file) => /^app-.*\.js$/.test(file)));
  });
});
