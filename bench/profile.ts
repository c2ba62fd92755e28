/**
 * Where CPU time goes: reads a V8 CPU profile and adds up self time per npm package (or "app: <folder>" for functions/,
 * "node: …" for Node's own JavaScript, "native", "gc", "idle"). Code from a bundle is traced back to its package
 * through the bundle's source map (node:module's SourceMap), so a profile of the minified, SST-like bundle names
 * packages too.
 */
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Time the thread was not idle. */
  busyMs: number;
  /** Share of busy time (idle excluded) per part, largest first. */
  byPart: { part: string; ms: number; percentOfBusy: number }[];
  /** The busiest functions by self time. */
  topFunctions: { name: string; ms: number; percentOfBusy: number }[];
}

/** A bundle and its source map, to trace bundled code back to its sources. */
export interface BundleSources {
  file: string;
  sourceMap: string;
}

function partOfSource(source: string): string | undefined {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg !== null) return pkg[1] as string;
  const app = /(?:^|\/)functions\/([^/]+)/.exec(source);
  if (app !== null) return `app: ${app[1]}`;
  if (/(?:^|\/)bench\//.test(source)) return "bench harness";
  return undefined;
}

function partOfNode(url: string, functionName: string): string {
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "gc";
  if (functionName === "(program)") return "program (V8, native)";
  const source = partOfSource(url);
  if (source !== undefined) return source;
  if (url === "(bundle top level)") return "bundle top level (inlined ES modules' bodies, esbuild helpers)";
  if (url === "") return "native (socket writes, hashing, JSON, …)";
  if (/^node:(_http|http|internal\/http)/.test(url)) return "node: http";
  if (/^node:(net|internal\/(net|stream|streams|stream_base_commons))/.test(url)) return "node: net, streams";
  if (/^node:internal\/(async_hooks|async_local_storage)|^node:async_hooks/.test(url)) return "node: async context";
  if (/^node:internal\/(modules|vm)/.test(url)) return "node: module loading";
  if (url.startsWith("node:")) return `node: ${url.replace(/^node:(internal\/)?/, "").split("/")[0] ?? "?"}`;
  return url;
}

/** `window`: only samples between these times (µs, the profile's monotonic clock); `bundle`: trace through its source map. */
export function summarizeProfile(
  file: string,
  options: { bundle?: BundleSources; top?: number; window?: { from: number; to: number } } = {},
): ProfileSummary {
  const { bundle, top = 15, window } = options;
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const map =
    bundle === undefined
      ? undefined
      : {
          url: pathToFileURL(bundle.file).href,
          sourceMap: new SourceMap(JSON.parse(readFileSync(bundle.sourceMap, "utf8"))),
        };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (window !== undefined && (time < window.from || time > window.to)) return;
    selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000);
  });
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    total += ms;
    let { url, functionName, lineNumber } = node.callFrame;
    if (map !== undefined && url === map.url) {
      const entry = map.sourceMap.findEntry(node.callFrame.lineNumber, node.callFrame.columnNumber) as {
        originalSource?: string;
        originalLine?: number;
        name?: string;
      };
      // No source: the bundle's own top level (where esbuild inlines every ES module's body) and esbuild's helpers.
      url = entry.originalSource ?? "(bundle top level)";
      lineNumber = entry.originalLine ?? lineNumber;
      functionName = entry.name ?? functionName;
    }
    const part = partOfNode(url, functionName);
    parts.set(part, (parts.get(part) ?? 0) + ms);
    if (part !== "idle") {
      const where = url.replace(/^.*node_modules\//, "").replace(/^.*\/(functions|bench)\//, "$1/");
      const name = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
  }
  const busy = total - (parts.get("idle") ?? 0);
  const share = (ms: number) => Math.round((ms / busy) * 1000) / 10;
  return {
    totalMs: total,
    busyMs: busy,
    byPart: [...parts]
      .filter(([part]) => part !== "idle")
      .map(([part, ms]) => ({ part, ms, percentOfBusy: share(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    topFunctions: [...functions]
      .map(([name, ms]) => ({ name, ms, percentOfBusy: share(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15),
  };
}
