/**
 * Shared pieces of the security tests (issue 5): an OpenID Connect identity provider on loopback (a local key pair and
 * its JWKS), calls to the handler with any credentials, and an organization with OUs, users and a key of every role.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import type { Config } from "../../functions/config";
import type { Role } from "../../functions/domain/customer";
import { createHandler } from "../../functions/graphql/lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { seedCustomer } from "../../functions/local/seed";
import { newApiKeySecret } from "../../functions/store/api-keys";

export type Handler = ReturnType<typeof createHandler>;

/** A GraphQL answer as the client sees it. */
export interface GraphQLResponse {
  status: number;
  headers: Record<string, string>;
  data: Record<string, any> | null | undefined;
  errors:
    | { message: string; path?: (string | number)[]; extensions: Record<string, unknown> & { code: string } }[]
    | undefined;
}

/** How a request proves who calls: an API key, a bearer token, or nothing. */
export type Credentials = { apiKey: string } | { bearer: string } | null;

function credentialHeaders(credentials: Credentials): Record<string, string> {
  if (credentials === null) return {};
  return "apiKey" in credentials
    ? { "x-api-key": credentials.apiKey }
    : { authorization: `Bearer ${credentials.bearer}` };
}

export interface HttpCall {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Hands one API Gateway (HTTP API v2) event to the handler, as API Gateway would. */
export async function callHandler(
  handler: Handler,
  call: HttpCall,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const requestId = randomUUID();
  const event = toHttpApiEvent(
    { method: call.method ?? "POST", url: call.url ?? "/graphql", headers: call.headers ?? {}, body: call.body ?? "" },
    requestId,
  );
  const result = (await handler(event, lambdaContext(requestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode ?? 200,
    headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])),
    body: result.body ?? "",
  };
}

/** Sends a GraphQL request body (any JSON text) with `credentials` and returns the parsed answer. */
async function sendGraphQL(
  handler: Handler,
  body: string,
  credentials: Credentials,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const result = await callHandler(handler, {
    headers: { "content-type": "application/json", ...credentialHeaders(credentials), ...headers },
    body,
  });
  const parsed = JSON.parse(result.body === "" ? "{}" : result.body) as Pick<GraphQLResponse, "data" | "errors">;
  return {
    status: result.status,
    headers: result.headers,
    data: parsed.data,
    errors: parsed.errors,
  };
}

export function graphqlClient(handler: Handler) {
  async function gql(
    query: string,
    variables: Record<string, unknown>,
    credentials: Credentials,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    return sendGraphQL(handler, JSON.stringify({ query, variables }), credentials, headers);
  }
  /** Like gql, but throws with the errors if there are any. */
  async function ok<T = any>(query: string, variables: Record<string, unknown>, credentials: Credentials): Promise<T> {
    const response = await gql(query, variables, credentials);
    if (response.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data as T;
  }
  return { gql, ok };
}

/** The error codes of a response, in order. */
export const codesOf = (response: GraphQLResponse): string[] => (response.errors ?? []).map((e) => e.extensions.code);

export interface IdentityProvider {
  /** The handler's OpenID Connect configuration for this provider. */
  oidc: NonNullable<Config["oidc"]>;
  /** A token signed by the provider's key (or, with `signWith`, another key under the same key id). */
  token(
    claims: JWTPayload,
    options?: {
      issuer?: string;
      audience?: string;
      /** When the token expires (as jose takes it), or false for a token without `exp`. */
      expiresIn?: string | number | false;
      /** When it was issued (epoch seconds), or false for a token without `iat`; now by default. */
      issuedAt?: number | false;
      signWith?: CryptoKey;
    },
  ): Promise<string>;
  /** A key pair the provider does not publish. */
  otherKey: CryptoKey;
  /** How often the JWKS was fetched. */
  jwksRequests(): number;
  close(): Promise<void>;
}

const KEY_ID = "test-signing-key";

/** A locally generated RS256 key pair whose public half is served as a JWKS on a loopback HTTP server. */
export async function startIdentityProvider(): Promise<IdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: "RS256", use: "sig" }] });
  let fetched = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === "/.well-known/jwks.json") {
      fetched += 1;
      response.writeHead(200, { "content-type": "application/json" }).end(jwks);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const oidc = {
    issuer: "https://login.example-idp.test",
    audience: "mail-access-api",
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    maxTokenAgeSeconds: 3600,
    clockSkewSeconds: 30,
  };
  return {
    oidc,
    otherKey: other.privateKey,
    // A provider vouches for the address it puts in a token; a test that says otherwise sets email_verified itself.
    token: (claims, options = {}) => {
      const jwt = new SignJWT({ email_verified: true, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: KEY_ID })
        .setIssuer(options.issuer ?? oidc.issuer)
        .setAudience(options.audience ?? oidc.audience)
        .setSubject(String(claims.sub ?? claims.email ?? "someone"));
      if (options.issuedAt !== false) jwt.setIssuedAt(options.issuedAt);
      if (options.expiresIn !== false) jwt.setExpirationTime(options.expiresIn ?? "5m");
      return jwt.sign(options.signWith ?? privateKey);
    },
    jwksRequests: () => fetched,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id name role expiresAt lastUsedAt revokedAt orgUnitScope { path } } secret }
}`;

/** A customer of its own (its own mail domain, claimed) on the test table. */
export async function seedOwnCustomer(config: Config, prefix = "s") {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  const domain = `${id}.example.org`;
  const superKey = await seedCustomer(
    config,
    { id, name: `Organization ${id}`, domains: [domain] },
    undefined,
    { name: "super administrator" },
    { claimDomains: true },
  );
  return { id, domain, superKey };
}

/**
 * An organization with OUs `/In` (with a child `/In/Team`: the OU administrator's subtree) and `/Out`, a user in each
 * (`alice@` in /In, `bob@` in /Out), and an API key of each kind; plus a foreign organization with its own super key.
 */
export async function securityFixture(config: Config) {
  const handler = createHandler(config);
  const { gql, ok } = graphqlClient(handler);
  const own = await seedOwnCustomer(config);
  const foreign = await seedOwnCustomer(config, "f");
  const superAdmin = { apiKey: own.superKey };

  const orgUnitIds: Record<string, string> = {};
  const root = await ok(`{ orgUnit(orgUnitPath: "/") { id } }`, {}, superAdmin);
  orgUnitIds["/"] = root.orgUnit.id;
  for (const [parentOrgUnitPath, name] of [
    ["/", "In"],
    ["/In", "Team"],
    ["/", "Out"],
  ] as const) {
    const data = await ok(
      `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id path } } }`,
      { input: { parentOrgUnitPath, name } },
      superAdmin,
    );
    orgUnitIds[data.createOrgUnit.orgUnit.path] = data.createOrgUnit.orgUnit.id;
  }
  const users = { in: `alice@${own.domain}`, out: `bob@${own.domain}` };
  for (const [email, orgUnitPath, name] of [
    [users.in, "/In", "Alice"],
    [users.out, "/Out", "Bob"],
  ])
    await ok(
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`,
      { input: { email, orgUnitPath, name } },
      superAdmin,
    );

  async function newKey(input: { name: string; role: Role; orgUnitScope?: string; expiresAt?: string }) {
    const data = await ok(CREATE_KEY, { input }, superAdmin);
    return { id: data.createApiKey.apiKey.id as string, secret: data.createApiKey.secret as string };
  }
  const ouAdmin = await newKey({ name: "OU administrator of /In", role: "ORG_UNIT_ADMIN", orgUnitScope: "/In" });
  const readOnly = await newKey({ name: "read-only", role: "READ_ONLY" });
  const revoked = await newKey({ name: "revoked", role: "SUPER_ADMIN" });
  await ok(
    `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }`,
    { input: { id: revoked.id } },
    superAdmin,
  );
  // An expired key cannot be created through the API (expiresAt must be in the future): seeded in the store.
  const expired = newApiKeySecret(own.id);
  await seedCustomer(config, { id: own.id, name: `Organization ${own.id}`, domains: [own.domain] }, expired, {
    name: "expired",
    role: "SUPER_ADMIN",
    expiresAt: new Date(Date.now() - 60_000).toISOString(),
  });

  return {
    config,
    handler,
    gql,
    ok,
    own,
    foreign,
    orgUnitIds,
    users,
    keys: {
      superAdmin: own.superKey,
      ouAdmin: ouAdmin.secret,
      readOnly: readOnly.secret,
      revoked: revoked.secret,
      expired,
      foreign: foreign.superKey,
    },
  };
}

export type SecurityFixture = Awaited<ReturnType<typeof securityFixture>>;

/**
 * A fingerprint of everything of the organization a write could change: the OU tree with versions and user counts,
 * the users' versions, the audit log, API keys, administrators and configuration groups. Read as the super administrator, one root field
 * per request (so that the snapshot does not depend on how the API combines fields).
 */
export async function stateSnapshot(fixture: Pick<SecurityFixture, "ok" | "keys" | "users">): Promise<string> {
  // Within the query cost limit: two levels below the root (the fixture's OUs and what the tests create in them).
  const ou = "id path version userCount description mailAccessPolicy { changedAt }";
  const superAdmin = { apiKey: fixture.keys.superAdmin };
  const parts = await Promise.all(
    [
      `{ orgUnit(orgUnitPath: "/") { ${ou} children(first: 30) { nodes { ${ou} children(first: 30) { nodes { ${ou} } } } } } }`,
      `query ($emails: [String!]!) {
        users(emails: $emails) { email version name mailSettings { imapEnabled popAccessWindow lessSecureAppsEnabled } }
      }`,
      `{ auditEvents(first: 100) { nodes { id } } }`,
      `{ apiKeys(first: 100) { nodes { id revokedAt } } }`,
      `{ adminRoles(first: 100) { nodes { email role } } }`,
      `{ groups(first: 100) { nodes { id name version priority userMemberCount groupMemberCount } } }`,
    ].map((query) => fixture.ok(query, { emails: Object.values(fixture.users) }, superAdmin)),
  );
  return JSON.stringify(parts);
}
