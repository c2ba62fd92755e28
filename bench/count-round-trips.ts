/** DynamoDB calls per request, as the API counts them and as the recording proxy in front of DynamoDB Local saw them. */
import { describeCalls, sequentialRoundTrips, type DynamoProxy } from "./dynamo-proxy";
import type { ApiClient } from "./http-client";
import { log } from "./log";

/** The server that talks to DynamoDB Local through the proxy, with a client for it. */
export interface Counting {
  client: ApiClient;
  proxy: DynamoProxy;
}

export interface Counted {
  calls: number;
  sequential: number;
  pattern: string;
}

/**
 * Sends one request through the server behind the proxy: the API's own counts, and what the proxy saw. The sequential
 * count is the API's (a call started while none was in flight), which follows the code's awaits; the proxy's timing of
 * the same calls, on a loaded machine, can see parallel calls as one after another. The pattern is the proxy's.
 */
export async function countRoundTrips({ client, proxy }: Counting, payload: string): Promise<Counted> {
  proxy.reset();
  const response = await client.ok(payload);
  // The last call's response may still be on its way through the proxy when the API has answered.
  await new Promise((r) => setTimeout(r, 20));
  const calls = proxy.calls();
  if (calls.length !== response.roundTrips)
    log(`note: the proxy saw ${calls.length} DynamoDB calls, the API counted ${response.roundTrips}`);
  const seen = sequentialRoundTrips(calls);
  if (seen !== response.sequentialRoundTrips)
    log(`note: the proxy timed ${seen} sequential DynamoDB calls, the API counted ${response.sequentialRoundTrips}`);
  return { calls: response.roundTrips, sequential: response.sequentialRoundTrips, pattern: describeCalls(calls) };
}

/** Sequential reads from a set of repeats: the most common answer (they agree unless a retry happened). */
export function typical(counts: Counted[]): Counted {
  const sorted = [...counts].sort((a, b) => a.sequential - b.sequential || a.calls - b.calls);
  return sorted[Math.floor(sorted.length / 2)] as Counted;
}
