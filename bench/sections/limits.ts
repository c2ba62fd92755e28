/**
 * Section 6: what the cost limit and the per-request budgets let through (issue 12). For a READ_ONLY key, a few of the
 * heaviest questions it may ask, each with the largest page or list size whose cost the limit accepts (counted as the
 * server counts it, functions/graphql/cost.ts); each is sent through the counting server, and its DynamoDB calls, the
 * size of its answer and its latency are reported, or the budget that refused it.
 */
import { buildSchema, parse } from "graphql";
import { loadConfig } from "../../functions/config";
import { queryCost } from "../../functions/graphql/cost";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import type { Counting } from "../count-round-trips";
import { describeCalls } from "../dynamo-proxy";
import { ApiClient } from "../http-client";
import { log } from "../log";
import { body, IOS_MAIL } from "../queries";
import type { LimitRow } from "../report";
import type { Seeded } from "../seed";

const SOURCE = "source { kind orgUnit { path } }";
const EFFECTIVE = `effectiveMailAccess { popAccess { enabled ${SOURCE} } imapAccess { enabled ${SOURCE} }
  imapClientAccess { mode allowedOAuthClientIds ${SOURCE} } lessSecureApps { enabled ${SOURCE} } }`;

interface Candidate {
  name: string;
  /** The query with page or list size `k`, and its variables. */
  build: (k: number, seeded: Seeded) => { query: string; variables: Record<string, unknown> };
}

const CANDIDATES: Candidate[] = [
  {
    name: "two levels of the tree below the root, k OUs a page, each with its effective settings and sources",
    build: (k) => ({
      query: `query ($k: Int) { orgUnit(orgUnitPath: "/") { children(first: $k) { nodes { path ${EFFECTIVE}
        children(first: $k) { nodes { path ${EFFECTIVE} } } } } } }`,
      variables: { k },
    }),
  },
  {
    name: "k users by address, each with effective settings, sources and the OU's ancestors",
    build: (k, seeded) => ({
      query: `query ($emails: [String!]!) { users(emails: $emails) { email effectiveMailAccess {
        pop { enabled ${SOURCE} } imap { enabled ${SOURCE} } lessSecureApps { enabled ${SOURCE} } }
        orgUnit { path ancestors { path } } } }`,
      variables: { emails: seeded.users.slice(0, k) },
    }),
  },
  {
    name: "k access decisions (IMAP with iOS Mail), each with what decided it",
    build: (k, seeded) => ({
      query: `query ($inputs: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $inputs) {
        allowed reason decidedBy { setting ${SOURCE} } } }`,
      variables: {
        inputs: seeded.users.slice(0, k).map((userEmail) => ({
          userEmail,
          protocol: "IMAP",
          client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL },
        })),
      },
    }),
  },
  {
    name: "the users of the whole organization, k a page, each with effective settings and sources",
    build: (k) => ({
      query: `query ($k: Int) { orgUnit(orgUnitPath: "/") { users(first: $k, includeSubOrgUnits: true) {
        nodes { email effectiveMailAccess { pop { enabled ${SOURCE} } imap { enabled ${SOURCE} } } } } } }`,
      variables: { k },
    }),
  },
];

/** The largest size from 1 to 100 whose cost the limit accepts, with that cost (sizes grow the cost monotonically). */
function largestAccepted(
  candidate: Candidate,
  seeded: Seeded,
  maxCost: number,
): { k: number; cost: number } | undefined {
  const schema = buildSchema(typeDefs);
  const costOf = (k: number) => {
    const { query, variables } = candidate.build(k, seeded);
    return queryCost(schema, parse(query), undefined, variables) ?? Number.POSITIVE_INFINITY;
  };
  let [low, high] = [0, 100];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (costOf(mid) <= maxCost) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? undefined : { k: low, cost: costOf(low) };
}

export async function limitsSection(api: ApiClient, counting: Counting, seeded: Seeded): Promise<LimitRow[]> {
  const { limits } = loadConfig();
  const created = await api.ok(
    body(`mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
      input: { name: "benchmark read-only", role: "READ_ONLY" },
    }),
  );
  const readOnly = new ApiClient(
    counting.client.url,
    (JSON.parse(created.body) as { data: { createApiKey: { secret: string } } }).data.createApiKey.secret,
  );
  const rows: LimitRow[] = [];
  for (const candidate of CANDIDATES) {
    const accepted = largestAccepted(candidate, seeded, limits.maxCost);
    if (accepted === undefined) {
      rows.push({ query: candidate.name, k: 0, cost: Number.NaN, status: 400, answer: "refused at every size" });
      continue;
    }
    const { query, variables } = candidate.build(accepted.k, seeded);
    counting.proxy.reset();
    const response = await readOnly.post(body(query, variables));
    await new Promise((r) => setTimeout(r, 20));
    const calls = counting.proxy.calls();
    const parsed = JSON.parse(response.body) as { errors?: { extensions?: { code?: string } }[] };
    const codes = [...new Set((parsed.errors ?? []).map((error) => error.extensions?.code ?? "?"))];
    rows.push({
      query: candidate.name,
      k: accepted.k,
      cost: accepted.cost,
      status: response.status,
      answer: codes.length === 0 ? "answered" : codes.join(", "),
      calls: calls.length,
      sequential: response.sequentialRoundTrips,
      pattern: describeCalls(calls),
      bytes: Buffer.byteLength(response.body),
      ms: response.ms,
    });
    log(`  ${candidate.name}: k=${accepted.k}, cost ${accepted.cost}, ${response.status}, ${calls.length} calls`);
  }
  readOnly.close();
  return rows;
}
