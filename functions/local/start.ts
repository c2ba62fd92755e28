/**
 * `npm start`: DynamoDB Local (data in .data/), the table, the demo organization, and an HTTP server on PORT that
 * calls the deployed Lambda handler. Ctrl-C stops all of it.
 */
import type { Server } from "node:http";
import { buildPlayground } from "../../playground/build";
import { loadConfig } from "../config";
import { createDocumentClient } from "../store/db";
import { ensureTable } from "../store/table";
import { startDynamoDbLocal, StartupError, stopAllDynamoDbLocal } from "./dynamodb-local";
import { seedDemoData } from "./demo-data";
import { createHttpServer, type HttpApiHandler } from "./http-server";
import { DEMO_CUSTOMER, seedCustomer } from "./seed";

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use. Stop the program using it, or start with another port: PORT=4001 npm start`
            : `Cannot listen on port ${port} (${error.code ?? error.message}). Choose another port: PORT=4001 npm start`,
        ),
      ),
    );
    server.listen(port, () => resolve());
  });
}

function portFromEnvironment(): number {
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new StartupError(`PORT must be a port number from 1 to 65535; got "${process.env.PORT}".`);
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnvironment();
  // Requests get a 503 until the handler is loaded.
  const ready: { handler?: HttpApiHandler; apiKey?: string } = {};
  // The playground starts with the demo key in its headers: only this local server knows it (see http-server.ts).
  const server = createHttpServer(() => ready.handler, {
    playgroundHeaders: () => (ready.apiKey === undefined ? undefined : { "x-api-key": ready.apiKey }),
  });

  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping the API and DynamoDB Local.`);
    server.close();
    server.closeAllConnections();
    await stopAllDynamoDbLocal();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  await listen(server, port);
  // Bundled from node_modules while DynamoDB Local starts; kept while its inputs are unchanged. The API works without it.
  const playground = buildPlayground(loadConfig().playgroundDir, { reuse: true }).then(
    (built) => (built.reused ? undefined : `Built the playground in ${(built.milliseconds / 1000).toFixed(1)} s.`),
    (error: unknown) => `The playground could not be built (the API works without it): ${String(error)}`,
  );
  if (process.env.DYNAMODB_ENDPOINT) {
    console.log(`Using DynamoDB at ${process.env.DYNAMODB_ENDPOINT}.`);
  } else if (process.env.AWS_REGION) {
    console.log(`Using real DynamoDB in ${process.env.AWS_REGION} (no DYNAMODB_ENDPOINT set).`);
  } else {
    const database = await startDynamoDbLocal({ dataDir: process.env.DATA_DIR ?? ".data" });
    process.env.DYNAMODB_ENDPOINT = database.endpoint;
    console.log(`DynamoDB Local started at ${database.endpoint}, data in ${process.env.DATA_DIR ?? ".data"}/.`);
  }
  const config = loadConfig();
  if (await ensureTable(createDocumentClient(config), config.tableName))
    console.log(`Created table ${config.tableName}.`);
  const apiKey = await seedCustomer(config, DEMO_CUSTOMER, process.env.DEV_API_KEY || undefined);
  // The handler module reads its configuration when imported, so it is imported once the environment is final.
  const handler = (await import("../handler")).handler as HttpApiHandler;
  if (await seedDemoData(handler, apiKey)) console.log("Created the demo OUs and users the playground's examples use.");
  const playgroundMessage = await playground;
  if (playgroundMessage !== undefined) console.log(playgroundMessage);
  ready.apiKey = apiKey;
  ready.handler = handler;

  console.log(`
mail-access-api is ready: http://localhost:${port}/graphql (playground: http://localhost:${port}/ in a browser)
Demo organization "${DEMO_CUSTOMER.id}" (${DEMO_CUSTOMER.domains.join(", ")}); send this header with every request:
  x-api-key: ${apiKey}
Try:
  curl -s -H 'content-type: application/json' -H 'x-api-key: ${apiKey}' \\
    -d '{"query":"{ orgUnit(orgUnitPath:\\"/\\") { id path } }"}' localhost:${port}/graphql
Press Ctrl-C to stop.`);
}

main().catch(async (error: unknown) => {
  if (error instanceof StartupError) console.error(`\nCannot start: ${error.message}\n`);
  else console.error(error);
  await stopAllDynamoDbLocal();
  process.exit(1);
});
