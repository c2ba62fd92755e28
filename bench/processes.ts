/** The API server as a child process: started from its bundle, measured through /proc, stopped by its own pid. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

export interface ServerProcess {
  pid: number;
  url: string;
  /** Resets the peak resident memory (VmHWM) of the process to its current size. */
  resetPeakMemory(): void;
  /** Peak and current resident memory in MiB, from /proc/<pid>/status. */
  memory(): { peakMiB: number; currentMiB: number };
  /** CPU time the process has used so far (user + system), in ms, from /proc/<pid>/stat (10 ms resolution). */
  cpuMs(): number;
  /** The server's monotonic clock in µs (the one --cpu-prof uses) before and after `during`. */
  window<T>(during: () => Promise<T>): Promise<{ result: T; from: number; to: number }>;
  stop(): Promise<void>;
}

/** Asks the child for the time on its monotonic clock, in µs. */
function mark(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = (answer: { mark?: string; micros?: string }) => {
      if (answer.mark !== name) return;
      child.off("message", listener);
      resolve(Number(answer.micros));
    };
    child.on("message", listener);
    child.send({ mark: name });
  });
}

/** USER_HZ: Linux reports process CPU times in 1/100 s on every common architecture. */
const CLOCK_TICKS = 100;

function statusField(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match === null ? Number.NaN : Number(match[1]) / 1024;
}

/** Starts `node [nodeArgs] <entry>` with PORT and `env`; resolves once it listens (it says so over IPC). */
export async function startServer(
  entry: string,
  port: number,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...env, PORT: String(port) },
    // The request log (one JSON line per request, as in Lambda) goes nowhere; errors are kept for the report.
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let errors = "";
  child.stderr?.on("data", (data: Buffer) => (errors = (errors + data.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 30 s:\n${errors}`)), 30_000);
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${errors}`));
    });
  });
  const pid = child.pid as number;
  return {
    pid,
    url: `http://127.0.0.1:${port}/graphql`,
    resetPeakMemory: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    memory: () => ({ peakMiB: statusField(pid, "VmHWM"), currentMiB: statusField(pid, "VmRSS") }),
    cpuMs: () => {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    },
    async window(during) {
      const from = await mark(child, "from");
      const result = await during();
      const to = await mark(child, "to");
      return { result, from, to };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
