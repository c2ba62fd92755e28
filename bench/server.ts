/**
 * The API server the benchmark measures, run as its own process (so its memory is its own): the local HTTP server
 * (functions/local/http-server.ts) in front of the deployed Lambda handler (functions/handler.ts), exactly as `npm start`
 * serves it, without the demo seed and the playground build. bench/run.ts bundles this file the way SST bundles the
 * handler and starts it with PORT, DYNAMODB_ENDPOINT and TABLE_NAME set. Under --cpu-prof, it tells the time on request
 * (IPC), so that the profile can be cut to the window under load, without the start-up.
 */
import { handler } from "../functions/handler";
import { createHttpServer, type HttpApiHandler } from "../functions/local/http-server";

const port = Number(process.env.PORT);
const server = createHttpServer(() => handler as HttpApiHandler);
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => process.send?.({ listening: port }));

// Marks a moment on the clock V8's profiler uses (started with --cpu-prof), so that a profile can be cut to a window.
process.on("message", (message: { mark?: string }) => {
  if (message.mark !== undefined)
    process.send?.({ mark: message.mark, micros: String(process.hrtime.bigint() / 1000n) });
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
