/**
 * `npm run bench` (and `npm run bench -- --quick` in CI): the cost of answering "what may this user's mail client do?"
 * against the physical floor, on DynamoDB Local. Seeds an organization, starts the API server as its own process, and
 * measures (1) DynamoDB round trips per operation, (2) latency over the floor (2b: with configuration groups and
 * without), (3) scaling with OU depth and with users
 * per query, (4) cold start against a hello-world Apollo handler, (5) throughput and memory; prints the figures as
 * Markdown tables and writes them, with the machine, to bench/results/. Method and latest results: bench/README.md.
 *
 * This file sets up and orchestrates; each section is a module of bench/sections/, and report.ts renders the results.
 *
 * Options: --quick (small seed, few iterations, ~1–2 minutes), --profile (also profile the server under load and the
 * cold starts; on by default in a full run), --no-profile, --out <file.json>, --render <file.json> (print earlier
 * results again).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { freePort, startDynamoDbLocal, stopAllDynamoDbLocal } from "../functions/local/dynamodb-local";
import { createDocumentClient } from "../functions/store/db";
import { bundle } from "./bundle";
import { startDynamoProxy } from "./dynamo-proxy";
import { failures, guarded } from "./failures";
import { Floor } from "./floor";
import { ApiClient } from "./http-client";
import { log } from "./log";
import { git, loadAverage, machine } from "./machine";
import { startServer, type ServerProcess } from "./processes";
import { decisionBody, IOS_MAIL, spinePath, userEffectiveBody } from "./queries";
import { toMarkdown, type Results } from "./report";
import { coldStartSection } from "./sections/cold-start";
import { groupsSection } from "./sections/groups";
import { limitsSection } from "./sections/limits";
import { overheadSection } from "./sections/overhead";
import { profileSection } from "./sections/profiles";
import { roundTripSection } from "./sections/round-trips";
import { scalingSection } from "./sections/scaling";
import { throughputSection } from "./sections/throughput";
import { benchConfig, seed } from "./seed";
import { BUILD_DIR, DEPTHS, FULL, QUICK, RESULTS_DIR, ROOT, TABLE_NAME, USER_COUNTS } from "./settings";
import { elapsedMs } from "./stats";
import { at, timed } from "./timing";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const args = process.argv.slice(2);
// --render <results.json>: print (and write beside it) the Markdown of earlier results, measuring nothing.
const renderIndex = args.indexOf("--render");
const quick = args.includes("--quick");
const settings = quick ? QUICK : FULL;
const profiling = args.includes("--profile") || (!quick && !args.includes("--no-profile"));
const outIndex = args.indexOf("--out");
const outFile =
  outIndex >= 0 && args[outIndex + 1] !== undefined
    ? resolve(args[outIndex + 1] as string)
    : join(RESULTS_DIR, quick ? "quick.json" : "latest.json");

/** Policies along the spine, so that effective settings come from several ancestors, as in a real organization. */
async function setPolicies(client: ApiClient): Promise<void> {
  const set = (path: string, fields: string) =>
    client.ok(
      JSON.stringify({
        query: `mutation { updateMailAccessPolicy(input: { orgUnitPath: ${JSON.stringify(path)}, ${fields} }) { changed } }`,
      }),
    );
  await set("/", `imapClientAccess: { mode: OAUTH_ALLOWLIST, allowedOAuthClientIds: ["${IOS_MAIL}"] }`);
  await set(spinePath(5), "popAccess: OFF");
  await set(spinePath(10), "lessSecureApps: ON");
  await set(spinePath(20), "imapAccess: ON");
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const began = process.hrtime.bigint();
  const loadAtStart = loadAverage();
  log(
    `${quick ? "quick" : "full"} run; results go to ${outFile}; load average ${loadAtStart} on ${os.availableParallelism()} CPUs`,
  );
  const children: ServerProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await stopAllDynamoDbLocal();
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    // On a busy machine Java may need longer than startDynamoDbLocal's 30 s once; a second try then usually succeeds.
    const database = await startDynamoDbLocal().catch((error: unknown) => {
      log(`DynamoDB Local did not start (${String(error).split("\n")[0]}); trying once more`);
      return startDynamoDbLocal();
    });
    log(`DynamoDB Local (in memory) at ${database.endpoint}`);
    const config = benchConfig(database.endpoint, TABLE_NAME);
    const seeded = await seed(config, settings.seed, log);
    log(
      `seeded ${seeded.orgUnitCount} OUs, ${seeded.users.length} users and ${seeded.groups.count} groups in ` +
        `${seeded.seconds.toFixed(1)} s (groups ${seeded.groups.seconds.toFixed(1)} s)`,
    );

    rmSync(BUILD_DIR, { recursive: true, force: true });
    mkdirSync(BUILD_DIR, { recursive: true });
    const [serverBundle, handlerBundle, helloBundle, floorBundle] = await Promise.all([
      bundle(join(ROOT, "bench", "server.ts"), join(BUILD_DIR, "server.mjs")),
      bundle(join(ROOT, "functions", "handler.ts"), join(BUILD_DIR, "handler.mjs")),
      bundle(join(ROOT, "bench", "hello-handler.ts"), join(BUILD_DIR, "hello.mjs")),
      bundle(join(ROOT, "bench", "floor-handler.ts"), join(BUILD_DIR, "floor.mjs")),
    ]);
    log(
      `bundled: handler ${(handlerBundle.bytes / 1024).toFixed(0)} KiB, hello ${(helloBundle.bytes / 1024).toFixed(0)} KiB`,
    );

    const serverEnv = (endpoint: string): NodeJS.ProcessEnv => ({
      ...process.env,
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME,
      STAGE: "production",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
    // Two servers: one talks to DynamoDB Local directly (every timing), one through the proxy (every call count).
    const proxy = await startDynamoProxy(database.endpoint);
    const server = await startServer(serverBundle.file, await freePort(), serverEnv(database.endpoint));
    children.push(server);
    const countingServer = await startServer(serverBundle.file, await freePort(), serverEnv(proxy.endpoint));
    children.push(countingServer);
    const idleRssMiB = server.memory().currentMiB;
    const api = new ApiClient(server.url, seeded.apiKey);
    const counting = { client: new ApiClient(countingServer.url, seeded.apiKey), proxy };
    const floor = new Floor(createDocumentClient(config), TABLE_NAME, seeded.customerId, seeded.apiKey);

    await setPolicies(api);
    log("warming up");
    const sample = seeded.users.slice(0, 200);
    await timed(settings.warmup, (i) =>
      api.ok(i % 2 === 0 ? userEffectiveBody(at(sample, i)) : decisionBody(at(sample, i))),
    );
    await timed(settings.warmup, (i) =>
      i % 2 === 0 ? floor.userEffective(at(sample, i)) : floor.decision(at(sample, i)),
    );
    await timed(20, (i) => counting.client.ok(userEffectiveBody(at(sample, i))));

    log("1. round trips per operation");
    const roundTrips = await roundTripSection(settings, api, counting, seeded);
    log("2. overhead over the floor");
    const overhead = await overheadSection(settings, database.endpoint, api, floor, seeded.apiKey, sample);
    log("2b. configuration groups: a user in none against a user in several");
    const groups = await groupsSection(settings, api, counting, seeded);
    log("3. scaling with depth and users per query");
    const scaling = await scalingSection(settings, api, counting, floor, seeded);
    log("4. cold start");
    const bundles = { handler: handlerBundle, hello: helloBundle, floor: floorBundle };
    const cold = await guarded(
      "cold start",
      () => coldStartSection(settings, profiling, bundles, seeded, serverEnv(database.endpoint)),
      () => undefined,
    );
    log("5. throughput");
    const throughput = await throughputSection(settings, server, floor, seeded);
    log("6. what the cost limit lets a READ_ONLY key ask");
    const limits = await guarded(
      "limits",
      () => limitsSection(api, counting, seeded),
      () => undefined,
    );
    let profiles: Results["profiles"];
    if (profiling) {
      log("profiling the server under load");
      profiles = await guarded(
        "profiles",
        () => profileSection(settings, serverEnv(database.endpoint), seeded, children),
        () => undefined,
      );
    }
    api.close();
    counting.client.close();

    const results: Results = {
      mode: quick ? "quick" : "full",
      startedAt: startedAt.toISOString(),
      durationSeconds: elapsedMs(began) / 1000,
      machine: { ...machine(), loadAverageAtStart: loadAtStart },
      git: git(),
      settings: { ...settings, depths: DEPTHS, userCounts: USER_COUNTS },
      seed: {
        orgUnits: seeded.orgUnitCount,
        users: seeded.users.length,
        maxDepth: seeded.maxDepth,
        seconds: seeded.seconds,
        groups: {
          count: seeded.groups.count,
          nested: seeded.groups.nested,
          maxLevel: seeded.groups.maxLevel,
          members: seeded.groups.members,
          memberships: seeded.groups.memberships,
          seconds: seeded.groups.seconds,
        },
      },
      server: { idleRssMiB },
      roundTrips,
      ...(limits === undefined ? {} : { limits }),
      overhead,
      groups,
      scaling,
      ...(cold === undefined ? {} : { coldStart: cold }),
      throughput,
      ...(profiles === undefined ? {} : { profiles }),
      failures,
    };
    const markdown = toMarkdown(results);
    mkdirSync(resolve(outFile, ".."), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(outFile.replace(/\.json$/, ".md"), markdown);
    process.stdout.write(`\n${markdown}`);
    log(`done in ${results.durationSeconds.toFixed(0)} s; wrote ${outFile} and ${outFile.replace(/\.json$/, ".md")}`);
    await proxy.close();
  } finally {
    await stopAll();
  }
  if (failures.length > 0) {
    log(`${failures.length} measurement(s) failed:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

function render(file: string): void {
  const markdown = toMarkdown(JSON.parse(readFileSync(file, "utf8")) as Results);
  writeFileSync(file.replace(/\.json$/, ".md"), markdown);
  process.stdout.write(markdown);
}

(renderIndex >= 0 ? Promise.resolve(render(resolve(args[renderIndex + 1] ?? ""))) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
