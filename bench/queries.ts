/** The GraphQL operations the benchmark sends: the same text every time, with variables, as a real client would. */

const SOURCE = "source { kind orgUnit { path } }";
const USER_ACCESS = `pop { enabled allowedByAdministrator enabledByUser ${SOURCE} }
  imap { enabled allowedByAdministrator enabledByUser ${SOURCE} }
  lessSecureApps { enabled allowedByAdministrator enabledByUser ${SOURCE} }
  orgUnitSettings { imapClientAccess { mode allowedOAuthClients { clientId name } ${SOURCE} } propagation { pending completeBy } }
  availableToUser { popSettings imapSettings lessSecureAppsSetting }`;

export const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";

export const OU_EFFECTIVE = `query OrgUnitEffective($path: String!) {
  orgUnit(orgUnitPath: $path) {
    id path
    effectiveMailAccess {
      popAccess { enabled ${SOURCE} }
      imapAccess { enabled ${SOURCE} }
      imapClientAccess { mode allowedOAuthClients { clientId name } ${SOURCE} }
      lessSecureApps { enabled ${SOURCE} }
      propagation { lastChangedAt completeBy pending }
    }
  }
}`;

const USER_EFFECTIVE = `query UserEffective($email: String!) {
  user(email: $email) { email effectiveMailAccess { ${USER_ACCESS} } }
}`;

const DECISION = `query Decision($email: String!, $clientId: String!) {
  mailAccessDecision(input: { userEmail: $email, protocol: IMAP, client: { authMethod: OAUTH, oauthClientId: $clientId } }) {
    userEmail allowed reason explanation userNotified propagationPending
    decidedBy { setting ${SOURCE} }
  }
}`;

/** `users(emails:)` takes at most 100 addresses; more go into aliased fields of the same query (u0, u1, …). */
function usersEffective(fields: number): string {
  const selection = `email effectiveMailAccess { ${USER_ACCESS} }`;
  const variables = Array.from({ length: fields }, (_, i) => `$e${i}: [String!]!`).join(", ");
  const aliases = Array.from({ length: fields }, (_, i) => `u${i}: users(emails: $e${i}) { ${selection} }`).join("\n");
  return `query UsersEffective(${variables}) {\n${aliases}\n}`;
}

export const POLICY_UPDATE = `mutation Policy($path: String!, $imap: ToggleChange!, $dryRun: Boolean) {
  updateMailAccessPolicy(input: { orgUnitPath: $path, imapAccess: $imap, dryRun: $dryRun }) {
    changed dryRun
    warnings { code }
    effectiveMailAccess { imapAccess { enabled ${SOURCE} } }
    impact { usersLosingImap usersGainingImap changedOrgUnits(first: 10) { totalCount } }
  }
}`;

export const BULK_APPLY = `mutation Bulk($paths: [String!]!, $imap: ToggleChange!, $dryRun: Boolean) {
  applyMailAccessPolicy(input: { orgUnitPaths: $paths, policy: { imapAccess: $imap }, dryRun: $dryRun }) {
    changed dryRun
    warnings { code }
    impact { usersLosingImap usersGainingImap changedOrgUnits(first: 10) { totalCount } }
  }
}`;

export const MOVE = `mutation Move($path: String!, $parentOrgUnitPath: String!) {
  updateOrgUnit(input: { orgUnitPath: $path, parentOrgUnitPath: $parentOrgUnitPath }) { orgUnit { id path } }
}`;

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** Variables for `usersEffective`: the addresses split into fields of at most 100. */
function usersVariables(emails: readonly string[]): { fields: number; variables: Record<string, string[]> } {
  const variables: Record<string, string[]> = {};
  for (let i = 0; i * 100 < emails.length; i += 1) variables[`e${i}`] = emails.slice(i * 100, i * 100 + 100);
  return { fields: Object.keys(variables).length, variables };
}

/** The request for one user's effective settings. */
export const userEffectiveBody = (email: string) => body(USER_EFFECTIVE, { email });

/** The request for whether one user may read mail over IMAP with iOS Mail (OAuth). */
export const decisionBody = (email: string) => body(DECISION, { email, clientId: IOS_MAIL });

/** The request for the effective settings of all of `emails`, in one query. */
export function usersEffectiveBody(emails: readonly string[]): string {
  const { fields, variables } = usersVariables(emails);
  return body(usersEffective(fields), variables);
}

/** The path of the seed's spine OU at `depth` (bench/seed.ts names the levels s1, s2, …): /s1/s2/…/s<depth>. */
export const spinePath = (depth: number) => `/${Array.from({ length: depth }, (_, i) => `s${i + 1}`).join("/")}`;
