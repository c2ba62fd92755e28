/**
 * Loads a bundled Lambda handler (the `handler` export of an ESM file) in this process, as the Lambda runtime does,
 * invokes it with an API Gateway HTTP API event for each request, and writes what it answered to a JSON file:
 * `node --import tsx test/support/invoke-bundle.ts <handler.mjs> <requests.json> <results.json>`. A child process,
 * so that the bundle reads the Lambda environment it is given at load time, as in Lambda.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";

export interface BundleRequest {
  path: string;
  headers: Record<string, string>;
}

export interface BundleResult extends BundleRequest {
  /** The response as the handler returned it. */
  response: APIGatewayProxyStructuredResultV2;
}

const [handlerFile, requestsFile, resultsFile] = process.argv.slice(2);
if (handlerFile === undefined || requestsFile === undefined || resultsFile === undefined)
  throw new Error("usage: invoke-bundle.ts <handler.mjs> <requests.json> <results.json>");

const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
};
const results: BundleResult[] = [];
for (const request of JSON.parse(readFileSync(requestsFile, "utf8")) as BundleRequest[]) {
  const requestId = crypto.randomUUID();
  const event = toHttpApiEvent({ method: "GET", url: request.path, headers: request.headers, body: "" }, requestId);
  results.push({ ...request, response: await handler(event, lambdaContext(requestId)) });
}
writeFileSync(resultsFile, JSON.stringify(results));
