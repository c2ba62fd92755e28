/**
 * `npm start` as a user runs it, for end-to-end tests: `node --import tsx functions/local/start.ts` in its own process
 * group, with DynamoDB Local's data in a fresh folder and DEV_API_KEY set; stopped with Ctrl-C (SIGINT), then killed
 * whole if it lingers. (test/e2e/local-server.test.ts tests start-up and shutdown themselves in more detail.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const READY_TIMEOUT_MS = 90_000;

export interface RunningLocalServer {
  port: number;
  apiKey: string;
  url: string;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolvePort(address.port) : reject()));
    });
  });
}

/** Starts `npm start` with DEV_API_KEY `apiKey`, and `extraEnv` on top (e.g. the OIDC_* variables of a test's provider). */
export async function startLocalServer(
  apiKey = "e2e-test-key",
  extraEnv: Record<string, string> = {},
): Promise<RunningLocalServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "e2e-data-"));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (name === "DYNAMODB_ENDPOINT" || name === "AWS_REGION" || name === "NODE_ENV" || name.startsWith("VITEST"))
      delete env[name];
  Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, DEV_API_KEY: apiKey }, extraEnv);
  const child = spawn(process.execPath, ["--import", "tsx", "functions/local/start.ts"], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const exited = new Promise<void>((done) => child.once("close", () => done()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGINT");
      const stopped = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!stopped && child.pid !== undefined)
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!/mail-access-api is ready/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The local server did not start:\n${output}`);
    }
    await sleep(100);
  }
  return { port, apiKey, url: `http://localhost:${port}`, output: () => output, stop };
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
