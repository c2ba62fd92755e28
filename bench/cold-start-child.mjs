// One cold start, in a fresh `node` process: import a bundled handler, answer one API Gateway (payload v2) event, print
// timings as one JSON line, exit. Plain JavaScript (no tsx), so that nothing but Node and the bundle is loaded.
// Usage: node bench/cold-start-child.mjs <bundle.mjs> <event.json>
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { pathToFileURL } from "node:url";

const [bundlePath, eventPath] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventPath, "utf8"));
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: "cold-start",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:local:000000000000:function:cold-start",
  memoryLimitInMB: "1024",
  awsRequestId: event.requestContext.requestId,
  logGroupName: "local",
  logStreamName: "local",
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

// performance.now() counts from the start of this process: this is when Node itself was ready.
const started = performance.now();
const { handler } = await import(pathToFileURL(bundlePath).href);
const imported = performance.now();
const result = await handler(event, context, () => undefined);
const answered = performance.now();
// CPU time (user + system) until the answer: on a shared machine, waiting for a CPU inflates the times above, not this.
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    nodeReadyMs: started,
    importMs: imported - started,
    firstRequestMs: answered - imported,
    totalMs: answered,
    cpuMs: (user + system) / 1000,
    statusCode: result?.statusCode,
    body: result?.body,
    roundTrips: result?.headers?.["x-dynamodb-round-trips"],
  })}\n`,
);
process.exit(0);
