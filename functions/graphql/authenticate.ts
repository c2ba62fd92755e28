/**
 * Who is calling, for every request: a partner's API key (x-api-key) or a person signed in with OpenID Connect
 * (Authorization: Bearer <JWT>, verified against the provider's JWKS: issuer, audience, signature, expiry). Every
 * request then belongs to exactly one customer.
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { Config } from "../config";
import { isConsumerAccount } from "../domain/access";
import type { Actor } from "../domain/customer";
import type { UserPlacement } from "../domain/user";
import { ApiError } from "../errors";
import { apiKeyItemKey, checkApiKey, touchApiKey, type ApiKeyCheck } from "../store/api-keys";
import { AdminRoleStore } from "../store/admin-roles";
import { CustomerStore } from "../store/customers";
import type { Db } from "../store/db";

/** How stale `lastUsedAt` may get before a request records a new one (one extra write at most every minute). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys made by this API name their customer: `mak_<customer id>_<random>`. */
const API_KEY_CUSTOMER = /^mak_([a-z0-9][a-z0-9-]{0,62})_/;

const refuse = (code: "UNAUTHENTICATED" | "FORBIDDEN", message: string) => new ApiError(code, message).toGraphQLError();

/** The request's caller: its customer at once; the caller itself once verified. */
interface Session {
  customerId: string;
  /** Resolves to the verified caller, frozen; rejects with the refusal when the credentials are not accepted. */
  caller: () => Promise<Actor>;
  /** For a signed-in person who is a user of the customer: where their user is, as last written (a hint). */
  callerPlacement: UserPlacement | null;
}

export type Authenticator = (event: APIGatewayProxyEventV2, db: Db, background: Db) => Promise<Session>;

function apiKeyCaller(check: ApiKeyCheck): { customerId: string; actor: Actor; lastUsedAt: string | null } {
  if (check === "UNKNOWN") throw refuse("UNAUTHENTICATED", "The API key is not valid.");
  if (check === "REVOKED") throw refuse("UNAUTHENTICATED", "The API key was revoked.");
  if (check === "EXPIRED") throw refuse("UNAUTHENTICATED", "The API key has expired.");
  return check;
}

export function createAuthenticator(config: Pick<Config, "oidc">, now: () => Date): Authenticator {
  const oidc = config.oidc;
  const jwks = oidc === undefined ? undefined : createRemoteJWKSet(new URL(oidc.jwksUrl));

  /**
   * The token's claims, if the provider signed it for this API: issuer, audience, signature, an expiry and an issue
   * time (both required; the token no older than the configured age; the clocks may disagree by the configured skew),
   * a subject, and an email address the provider has verified (the address decides the organization and the role).
   */
  async function verify(token: string): Promise<JWTPayload & { email: string; sub: string; iss: string }> {
    if (oidc === undefined || jwks === undefined)
      throw refuse("UNAUTHENTICATED", "Sign-in with OpenID Connect is not configured; use an API key (x-api-key).");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: oidc.issuer,
        audience: oidc.audience,
        requiredClaims: ["exp", "iat", "sub"],
        maxTokenAge: oidc.maxTokenAgeSeconds,
        clockTolerance: oidc.clockSkewSeconds,
      }));
    } catch {
      throw refuse(
        "UNAUTHENTICATED",
        "The bearer token is not valid (signature, issuer, audience, expiry, issue time or age).",
      );
    }
    if (typeof payload.email !== "string") throw refuse("UNAUTHENTICATED", "The bearer token carries no email claim.");
    if (payload.email_verified !== true)
      throw refuse("UNAUTHENTICATED", "The bearer token's email address is not verified by the identity provider.");
    return payload as JWTPayload & { email: string; sub: string; iss: string };
  }

  function touch(background: Db, secret: string, lastUsedAt: string | null): void {
    const stale = lastUsedAt === null || now().getTime() - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS;
    // Recorded beside the request, on an uncounted handle: it is bookkeeping, not part of the request's work.
    if (stale) void touchApiKey(background, secret, now()).catch(() => undefined);
  }

  async function apiKeySession(secret: string, db: Db, background: Db): Promise<Session> {
    const claimed = API_KEY_CUSTOMER.exec(secret)?.[1];
    if (claimed === undefined) {
      const check = apiKeyCaller(checkApiKey(await db.get(apiKeyItemKey(secret)), now()));
      touch(background, secret, check.lastUsedAt);
      const actor = Object.freeze(check.actor);
      return { customerId: check.customerId, caller: async () => actor, callerPlacement: null };
    }
    // The key names its customer, so the request's first read can start at once with the key's own item riding
    // along: one round trip fewer. Every later read waits until the key is accepted (the Db's gate).
    const caller = db.verifyWithFirstRead(apiKeyItemKey(secret), (item) => {
      const check = apiKeyCaller(checkApiKey(item, now()));
      if (check.customerId !== claimed) throw refuse("UNAUTHENTICATED", "The API key is not valid.");
      touch(background, secret, check.lastUsedAt);
      return Object.freeze(check.actor);
    });
    return {
      customerId: claimed,
      caller: async () => {
        await db.verified();
        return caller;
      },
      callerPlacement: null,
    };
  }

  return async (event, db, background) => {
    const secret = event.headers["x-api-key"];
    if (secret !== undefined && secret !== "") return apiKeySession(secret, db, background);
    const authorization = event.headers.authorization ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (bearer === undefined)
      throw refuse(
        "UNAUTHENTICATED",
        'Send an API key in the "x-api-key" header or a bearer token in "Authorization".',
      );
    const claims = await verify(bearer);
    const email = claims.email.toLowerCase();
    if (isConsumerAccount(email))
      throw refuse("FORBIDDEN", "Consumer accounts (gmail.com, googlemail.com) are never administrators.");
    const person = await new CustomerStore(db, now).lookUpPerson(email);
    if (person === null) throw refuse("FORBIDDEN", `${email} belongs to no organization using this API.`);
    if (person.role !== null)
      await bindRole(db, person.customerId, email, person.subject, `${claims.iss} ${claims.sub}`);
    const actor: Actor = Object.freeze({
      kind: person.role === null ? "USER" : "ADMIN",
      id: email,
      name: typeof claims.name === "string" ? claims.name : email,
      role: person.role,
      orgUnitScope: person.orgUnitScope,
    });
    return { customerId: person.customerId, caller: async () => actor, callerPlacement: person.mailbox };
  };

  /**
   * An administrator role is bound to the provider's stable subject of the person who first signs in with it: if the
   * address later names another account (a reused address), that account is refused the role.
   */
  async function bindRole(db: Db, customerId: string, email: string, bound: string | null, subject: string) {
    if (bound === subject) return;
    const refused = () =>
      refuse("FORBIDDEN", "This address's administrator role belongs to another account of the identity provider.");
    if (bound !== null) throw refused();
    if (!(await new AdminRoleStore(db, customerId, now).bindSubject(email, subject))) throw refused();
  }
}
