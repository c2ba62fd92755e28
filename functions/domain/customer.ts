/** An organization using the API, and who may call on its behalf. */

export interface Customer {
  id: string;
  name: string;
  /** Mail domains, lower-case, e.g. "acme.com". */
  domains: string[];
}

/**
 * What a caller may do in its organization. SUPER_ADMIN: everything, including API keys and roles.
 * ORG_UNIT_ADMIN: reads and writes within one OU subtree. READ_ONLY: reads only.
 */
export type Role = "SUPER_ADMIN" | "ORG_UNIT_ADMIN" | "READ_ONLY";

/**
 * Who is calling: a partner's API key, an administrator signed in with OpenID Connect, or a user signed in to a
 * user-facing front end (no role: they may read only their own effective mail access).
 */
export interface Actor {
  kind: "API_KEY" | "ADMIN" | "USER";
  /** The API key's id, or the signed-in person's email address. */
  id: string;
  name: string;
  role: Role | null;
  /** For ORG_UNIT_ADMIN: the id of the OU whose subtree the actor may read and change. */
  orgUnitScope: string | null;
}

/** A partner integration's API key (the secret itself is never stored: only its SHA-256). */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  /** The OU id whose subtree an ORG_UNIT_ADMIN key may read and change. */
  orgUnitScope: string | null;
  expiresAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A person's administrator role in one organization. */
export interface AdminRole {
  email: string;
  role: Role;
  orgUnitScope: string | null;
  grantedAt: string;
}
