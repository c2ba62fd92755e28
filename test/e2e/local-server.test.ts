/**
 * `npm start` as a user runs it: a child process `node --import tsx functions/local/start.ts` that starts DynamoDB
 * Local (Java) with its data in DATA_DIR, seeds the demo organization with DEV_API_KEY, and serves /graphql on PORT.
 * Checks the acceptance request, Ctrl-C (SIGINT) shutdown without an orphaned Java process, persistence across a
 * restart, and clear startup errors.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const API_KEY = "e2e-local-server-test-key";
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const ROOT_QUERY = '{ orgUnit(orgUnitPath:"/") { id path } }';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface LocalServer {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the process has exited and its output is closed. */
  exited: Promise<Exit>;
}

const started = new Set<LocalServer>();
let tempRoot: string;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    // No host, like the local server's own listen(port), so the port is free on every interface.
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolvePort(address.port) : reject()));
    });
  });
}

function holdPort(port: number): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, () => resolveServer(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => server.close(() => resolveClose()));
}

/** Starts the local server the way `npm start` does, with a clean environment: no DynamoDB endpoint, no region. */
function startLocalServer(env: { PORT: number; DATA_DIR: string; PATH?: string }): LocalServer {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv))
    if (name === "DYNAMODB_ENDPOINT" || name === "AWS_REGION" || name === "NODE_ENV" || name.startsWith("VITEST"))
      delete childEnv[name];
  Object.assign(childEnv, { PORT: String(env.PORT), DATA_DIR: env.DATA_DIR, DEV_API_KEY: API_KEY });
  if (env.PATH !== undefined) childEnv.PATH = env.PATH;

  const child = spawn(process.execPath, ["--import", "tsx", "functions/local/start.ts"], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group (Java joins it), so cleanup can kill the whole group, orphans included.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const exited = new Promise<Exit>((resolveExit) =>
    child.once("close", (code, signal) => resolveExit({ code, signal })),
  );
  const server: LocalServer = { child, output: () => output, exited };
  started.add(server);
  return server;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for the "ready" line; returns DynamoDB Local's endpoint from the startup output. */
async function waitUntilReady(server: LocalServer): Promise<{ dynamoDbEndpoint: string }> {
  const ready = new Promise<void>((resolveReady, reject) => {
    const check = () => {
      if (/mail-access-api is ready: http:\/\/localhost:\d+\/graphql/.test(server.output())) resolveReady();
    };
    server.child.stdout?.on("data", check);
    check();
    void server.exited.then((exit) =>
      reject(new Error(`The local server exited (${JSON.stringify(exit)}) before it was ready:\n${server.output()}`)),
    );
  });
  await withTimeout(
    ready,
    READY_TIMEOUT_MS,
    () => `The local server was not ready within ${READY_TIMEOUT_MS / 1000} s. Output:\n${server.output()}`,
  );
  const match = /DynamoDB Local started at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output());
  if (match?.[1] === undefined) throw new Error(`No "DynamoDB Local started at" line in:\n${server.output()}`);
  return { dynamoDbEndpoint: match[1] };
}

function waitForExit(server: LocalServer, ms = STOP_TIMEOUT_MS): Promise<Exit> {
  return withTimeout(
    server.exited,
    ms,
    () => `The local server did not exit within ${ms / 1000} s. Output:\n${server.output()}`,
  );
}

/** Pids of live Java processes whose command line mentions `dir` (DynamoDB Local runs with `-dbPath <dir>`). */
function javaProcessesUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      // Zombies and exited processes have an empty command line (or are gone).
      args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    if (/(^|\/)java$/.test(args[0] ?? "") && args.some((arg) => arg.includes(dir))) pids.push(Number(entry));
  }
  return pids;
}

async function expectNoJavaUsing(dir: string): Promise<void> {
  // The server waits for Java's exit before it exits itself; the short poll only covers reaping by init.
  const deadline = Date.now() + 5_000;
  while (javaProcessesUsing(dir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(javaProcessesUsing(dir), `Java processes still running with ${dir}`).toEqual([]);
}

async function expectConnectionRefused(url: string): Promise<void> {
  const error = await fetch(url).then(
    (response) => new Error(`expected no server at ${url}, got HTTP ${response.status}`),
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect((error as TypeError & { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
}

async function postGraphQL(port: number, query: string, headers: Record<string, string> = { "x-api-key": API_KEY }) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Kills what a test left running: the server's whole process group (node and Java), then any Java on the data dir. */
async function killAll(): Promise<void> {
  for (const server of started) {
    const pid = server.child.pid;
    if (pid !== undefined && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGTERM");
      await withTimeout(server.exited, 5_000, () => "").catch(() => undefined);
    }
    if (pid !== undefined)
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // The group is gone: nothing left running.
      }
    await withTimeout(server.exited, 5_000, () => "").catch(() => undefined);
    started.delete(server);
  }
  for (const pid of javaProcessesUsing(tempRoot))
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
}

beforeAll(() => {
  tempRoot = mkdtempSync(join(tmpdir(), "local-server-e2e-"));
});

afterEach(killAll);

afterAll(async () => {
  await killAll();
  rmSync(tempRoot, { recursive: true, force: true });
});

describe("npm start (functions/local/start.ts)", () => {
  const dataDir = () => join(tempRoot, "data");
  let persisted: { id: string; path: string } | undefined;

  it("serves the API with the demo organization and DEV_API_KEY", async () => {
    const port = await freePort();
    await waitUntilReady(startLocalServer({ PORT: port, DATA_DIR: dataDir() }));

    // The acceptance line.
    const root = await postGraphQL(port, ROOT_QUERY);
    expect(root.status).toBe(200);
    expect(root.body.errors).toBeUndefined();
    expect(root.body.data.orgUnit).toEqual({ id: expect.any(String), path: "/" });

    // GET works for queries; Apollo's CSRF prevention wants a preflight-forcing header on it.
    const getUrl = `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(ROOT_QUERY)}`;
    const get = await fetch(getUrl, { headers: { "x-api-key": API_KEY, "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { orgUnit: root.body.data.orgUnit } });
    const simpleGet = await fetch(getUrl, { headers: { "x-api-key": API_KEY } });
    expect(simpleGet.status).toBe(400);
    expect(JSON.stringify(await simpleGet.json())).toContain("Cross-Site Request Forgery");

    const noKey = await postGraphQL(port, ROOT_QUERY, {});
    expect(noKey.status).toBe(401);
    expect(noKey.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const wrongKey = await postGraphQL(port, ROOT_QUERY, { "x-api-key": "not-the-key" });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");

    const unknown = await fetch(`http://127.0.0.1:${port}/not-graphql`);
    expect(unknown.status).toBe(404);
    await unknown.arrayBuffer();
    const wrongMethod = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "PUT" });
    expect(wrongMethod.status).toBe(404);
    await wrongMethod.arrayBuffer();
  });

  it("stops on Ctrl-C (SIGINT) with exit code 0 and takes DynamoDB Local down with it", async () => {
    const port = await freePort();
    const server = startLocalServer({ PORT: port, DATA_DIR: dataDir() });
    const { dynamoDbEndpoint } = await waitUntilReady(server);
    expect(javaProcessesUsing(dataDir())).toHaveLength(1);

    const created = await postGraphQL(
      port,
      'mutation { createOrgUnit(input: {parentOrgUnitPath: "/", name: "Persisted"}) { orgUnit { id path } } }',
    );
    expect(created.body.errors).toBeUndefined();
    const orgUnit = created.body.data.createOrgUnit.orgUnit as { id: string; path: string };
    expect(orgUnit.path).toBe("/Persisted");

    // Only the node process gets the signal: stopping Java is the server's job.
    server.child.kill("SIGINT");
    const exit = await waitForExit(server);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("SIGINT: stopping the API and DynamoDB Local.");
    await expectConnectionRefused(dynamoDbEndpoint);
    await expectConnectionRefused(`http://127.0.0.1:${port}/graphql`);
    await expectNoJavaUsing(dataDir());
    persisted = orgUnit;
  });

  it("keeps the data in DATA_DIR across restarts", async () => {
    expect(persisted, "needs the OU the previous test created").toBeDefined();
    const port = await freePort();
    await waitUntilReady(startLocalServer({ PORT: port, DATA_DIR: dataDir() }));
    const found = await postGraphQL(port, '{ orgUnit(orgUnitPath:"/Persisted") { id path } }');
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.orgUnit).toEqual(persisted);
  });
});

describe("startup errors: a clear message and a non-zero exit", () => {
  it("says when PORT is already in use", async () => {
    const port = await freePort();
    const holder = await holdPort(port);
    try {
      const dir = join(tempRoot, "port-taken");
      const server = startLocalServer({ PORT: port, DATA_DIR: dir });
      const exit = await waitForExit(server, READY_TIMEOUT_MS);
      expect(exit.code, server.output()).not.toBe(0);
      expect(exit.code, server.output()).not.toBeNull();
      expect(server.output()).toContain(`Port ${port} is already in use`);
      await expectNoJavaUsing(dir);
    } finally {
      await closeServer(holder);
    }
  });

  it("says when DATA_DIR is not writable", async () => {
    const file = join(tempRoot, "a-file");
    writeFileSync(file, "not a folder");
    const dir = join(file, "data");
    const server = startLocalServer({ PORT: await freePort(), DATA_DIR: dir });
    const exit = await waitForExit(server, READY_TIMEOUT_MS);
    expect(exit.code, server.output()).not.toBe(0);
    expect(exit.code, server.output()).not.toBeNull();
    expect(server.output()).toContain(`The data folder "${dir}" is not writable`);
    await expectNoJavaUsing(file);
  });

  it("says when Java is missing", async () => {
    // PATH holds only node (a link to this very binary): node's own folder may hold java too, e.g. /usr/bin.
    const bin = join(tempRoot, "bin-without-java");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    const dir = join(tempRoot, "no-java");
    const server = startLocalServer({ PORT: await freePort(), DATA_DIR: dir, PATH: bin });
    const exit = await waitForExit(server, READY_TIMEOUT_MS);
    expect(exit.code, server.output()).not.toBe(0);
    expect(exit.code, server.output()).not.toBeNull();
    expect(server.output()).toContain("Java was not found");
    await expectNoJavaUsing(dir);
  });
});
