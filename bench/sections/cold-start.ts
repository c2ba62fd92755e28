/**
 * Section 4: cold start. The deployed handler, a hello-world Apollo handler and the floor's reads as a handler, each
 * started as a fresh `node` process per round (bench/cold-start.ts) in rotating order; with profiling, where each
 * cold start's time goes, by package.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, type Bundle } from "../bundle";
import { coldStart, coldStartProfile, type ColdStart } from "../cold-start";
import { graphqlEvent } from "../lambda-event";
import { decisionBody } from "../queries";
import type { ColdStartResult, ColdStartSide } from "../report";
import type { Seeded } from "../seed";
import { BUILD_DIR, ROOT, type Settings } from "../settings";
import { figure, ratioFigure } from "../stats";

/** The three handlers, bundled as SST bundles the function. */
interface ColdStartBundles {
  handler: Bundle;
  hello: Bundle;
  floor: Bundle;
}

/**
 * Where the handler's and hello world's cold starts spend their time, by package: the same bundles with source maps
 * beside them, so that the profile names packages; the largest difference first.
 */
async function profileColdStarts(
  handlerEvent: string,
  helloEvent: string,
  env: NodeJS.ProcessEnv,
): Promise<ColdStartResult["profile"]> {
  const [handlerMapped, helloMapped] = await Promise.all([
    bundle(join(ROOT, "functions", "handler.ts"), join(BUILD_DIR, "mapped", "handler.mjs"), { sourceMap: true }),
    bundle(join(ROOT, "bench", "hello-handler.ts"), join(BUILD_DIR, "mapped", "hello.mjs"), { sourceMap: true }),
  ]);
  const runs = 3;
  const mapped = (b: Bundle) => ({ file: b.file, sourceMap: `${b.file}.map` });
  const handlerParts = await coldStartProfile(
    mapped(handlerMapped),
    handlerEvent,
    env,
    join(BUILD_DIR, "cold-handler"),
    runs,
  );
  const helloParts = await coldStartProfile(mapped(helloMapped), helloEvent, env, join(BUILD_DIR, "cold-hello"), runs);
  const helloMs = new Map(helloParts.map(({ part, ms }) => [part, ms]));
  const parts = handlerParts.map(({ part, ms }) => ({ part, handlerMs: ms, helloMs: helloMs.get(part) ?? 0 }));
  for (const { part, ms } of helloParts)
    if (!parts.some((p) => p.part === part)) parts.push({ part, handlerMs: 0, helloMs: ms });
  return { runs, parts: parts.sort((a, b) => b.handlerMs - b.helloMs - (a.handlerMs - a.helloMs)) };
}

export async function coldStartSection(
  settings: Settings,
  profiling: boolean,
  bundles: ColdStartBundles,
  s: Seeded,
  env: NodeJS.ProcessEnv,
): Promise<ColdStartResult> {
  const email = (s.usersAtDepth.get(20) ?? [])[0] as string;
  const handlerEvent = join(BUILD_DIR, "handler-event.json");
  const helloEvent = join(BUILD_DIR, "hello-event.json");
  writeFileSync(handlerEvent, JSON.stringify(graphqlEvent(decisionBody(email), s.apiKey)));
  writeFileSync(helloEvent, JSON.stringify(graphqlEvent(JSON.stringify({ query: "{ hello }" }), s.apiKey)));
  const contenders = {
    handler: () => coldStart(bundles.handler.file, handlerEvent, env),
    hello: () => coldStart(bundles.hello.file, helloEvent, env),
    floor: () => coldStart(bundles.floor.file, handlerEvent, env),
  };
  const names = Object.keys(contenders) as (keyof typeof contenders)[];
  const runs: Record<keyof typeof contenders, ColdStart[]> = { handler: [], hello: [], floor: [] };
  // One unmeasured round first: the file system cache, not the handler, would otherwise decide the first figures.
  for (const name of names) await contenders[name]();
  // Rounds in rotating order, so that none always starts right after another.
  for (let round = 0; round < settings.coldStartPairs; round += 1)
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(round + k) % names.length] as keyof typeof contenders;
      runs[name].push(await contenders[name]());
    }
  const [handlerRuns, helloRuns, floorRuns] = [runs.handler, runs.hello, runs.floor];
  const side = (b: Bundle, rs: ColdStart[]): ColdStartSide => ({
    bytes: b.bytes,
    gzipBytes: b.gzipBytes,
    largest: b.largest,
    totalMs: figure(rs.map((r) => r.totalMs)),
    nodeReadyMs: figure(rs.map((r) => r.nodeReadyMs)),
    importMs: figure(rs.map((r) => r.importMs)),
    firstRequestMs: figure(rs.map((r) => r.firstRequestMs)),
    cpuMs: figure(rs.map((r) => r.cpuMs)),
    wallMs: figure(rs.map((r) => r.wallMs)),
  });
  const profile = profiling ? await profileColdStarts(handlerEvent, helloEvent, env) : undefined;
  return {
    ...(profile === undefined ? {} : { profile }),
    request: `an access decision at depth 20 (${handlerRuns[0]?.roundTrips ?? "?"} DynamoDB calls) vs { hello }`,
    handler: side(bundles.handler, handlerRuns),
    hello: side(bundles.hello, helloRuns),
    floor: side(bundles.floor, floorRuns),
    ratioToFloor: ratioFigure(
      handlerRuns.map((r) => r.totalMs),
      floorRuns.map((r) => r.totalMs),
    ),
    ratioTotal: ratioFigure(
      handlerRuns.map((r) => r.totalMs),
      helloRuns.map((r) => r.totalMs),
    ),
    ratioCpu: ratioFigure(
      handlerRuns.map((r) => r.cpuMs),
      helloRuns.map((r) => r.cpuMs),
    ),
    ratioImportAndFirstRequest: ratioFigure(
      handlerRuns.map((r) => r.importMs + r.firstRequestMs),
      helloRuns.map((r) => r.importMs + r.firstRequestMs),
    ),
  };
}
