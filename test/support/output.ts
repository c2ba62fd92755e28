/**
 * What the handler writes while a test runs: Powertools writes log lines and EMF metric lines straight to stdout and
 * stderr (its own console, as in Lambda, where the global one prefixes every line), so tests read them there.
 */
import { vi } from "vitest";

export interface CapturedOutput {
  /** Every line written to stdout or stderr since the capture started, in order; none of them printed. */
  readonly lines: string[];
  /** The lines that are JSON objects, parsed. */
  json(): Record<string, any>[];
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split("\n")
        .filter((line) => line !== ""),
    );
    return true;
  };
  const spies = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")].map((spy) =>
    spy.mockImplementation(capture),
  );
  return {
    lines,
    json: () => lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, any>),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
