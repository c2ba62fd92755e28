/**
 * Access decisions through the GraphQL API: each numbered rule of the domain brief reproduced by
 * `mailAccessDecision`, with the deciding setting, the OU it comes from, and whether the user is told.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer, type GraphQLResponse } from "../support/api";

type Api = Awaited<ReturnType<typeof testCustomer>>;

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";
const OTHER_CLIENT = "123456789012-abcdefghijklmnop0123456789.apps.googleusercontent.com";

type Protocol = "POP" | "IMAP";
interface Client {
  authMethod: "OAUTH" | "PASSWORD" | "SERVICE_ACCOUNT_DELEGATION";
  oauthClientId?: string | null;
}
interface Decision {
  userEmail: string;
  allowed: boolean;
  reason: string;
  explanation: string;
  decidedBy: { setting: string; source: { kind: string; orgUnit: { path: string } | null } | null };
  userNotified: boolean | null;
  propagationPending: boolean;
}

const iosMail: Client = { authMethod: "OAUTH", oauthClientId: IOS_MAIL };
const macMail: Client = { authMethod: "OAUTH", oauthClientId: MAC_MAIL };
const password: Client = { authMethod: "PASSWORD" };
const serviceAccount = (oauthClientId?: string): Client => ({
  authMethod: "SERVICE_ACCOUNT_DELEGATION",
  oauthClientId,
});

const FIELDS =
  "userEmail allowed reason explanation decidedBy { setting source { kind orgUnit { path } } } userNotified propagationPending";
const DECIDE = `query ($input: MailAccessDecisionInput!) { mailAccessDecision(input: $input) { ${FIELDS} } }`;
const DECIDE_MANY = `query ($inputs: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $inputs) { ${FIELDS} } }`;
const CREATE_OU = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { path } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateUserMailSettingsInput!) {
  updateUserMailSettings(input: $input) { user { version } } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;

function errorOf(response: GraphQLResponse) {
  expect(response.errors, "expected an error").toBeDefined();
  return response.errors?.[0] as { message: string; extensions: { code: string; field?: string } };
}

/** Creates the OU (its parent must exist) and one user in it, with the given own settings. */
async function userIn(api: Api, path: string, email: string, settings: Record<string, unknown> = {}) {
  const slash = path.lastIndexOf("/");
  await api.ok(CREATE_OU, {
    input: { parentOrgUnitPath: slash === 0 ? "/" : path.slice(0, slash), name: path.slice(slash + 1) },
  });
  await api.ok(CREATE_USER, { input: { email, orgUnitPath: path, name: email } });
  if (Object.keys(settings).length > 0) await api.ok(UPDATE_SETTINGS, { input: { email, ...settings } });
  return email;
}

async function setPolicy(api: Api, orgUnitPath: string, change: Record<string, unknown>): Promise<void> {
  await api.ok(POLICY, { input: { orgUnitPath, ...change } });
}

async function decide(api: Api, userEmail: string, protocol: Protocol, client: Client): Promise<Decision> {
  return (await api.ok(DECIDE, { input: { userEmail, protocol, client } })).mailAccessDecision;
}

const setOn = (path: string) => ({ kind: "SET_HERE", orgUnit: { path } });
const inheritedFrom = (path: string) => ({ kind: "INHERITED", orgUnit: { path } });
const byDefault = { kind: "DEFAULT", orgUnit: null };
/** POP window open, IMAP on: the user's own settings let every protocol through. */
const POP_ON = { popAccessWindow: "ALL_MAIL" };

describe("rule 1: POP off for the user's OU", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Pop", "pam@example.com", POP_ON);
    await userIn(api, "/Pop/Child", "pia@example.com", POP_ON);
  });

  it("refuses every POP client, even one that was allowed just before, naming the OU; IMAP is not affected", async () => {
    const before = await decide(api, "pam@example.com", "POP", iosMail);
    expect(before).toEqual({
      userEmail: "pam@example.com",
      allowed: true,
      reason: "ALLOWED",
      explanation: expect.stringContaining("POP access is on") as string,
      decidedBy: { setting: "POP_ACCESS", source: byDefault },
      userNotified: null,
      propagationPending: false,
    });

    await setPolicy(api, "/Pop", { popAccess: "OFF" });
    const after = await decide(api, "PAM@example.com", "POP", iosMail);
    expect(after).toMatchObject({
      userEmail: "pam@example.com",
      allowed: false,
      reason: "POP_DISABLED",
      decidedBy: { setting: "POP_ACCESS", source: setOn("/Pop") },
      userNotified: true,
      propagationPending: true,
    });
    expect(after.explanation).toContain("set on /Pop");
    for (const client of [macMail, password, serviceAccount(IOS_MAIL)])
      expect((await decide(api, "pam@example.com", "POP", client)).reason).toBe("POP_DISABLED");
    expect(await decide(api, "pam@example.com", "IMAP", iosMail)).toMatchObject({ allowed: true, reason: "ALLOWED" });
  });

  it("applies to the OUs below, which inherit it", async () => {
    const decision = await decide(api, "pia@example.com", "POP", iosMail);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "POP_DISABLED",
      decidedBy: { setting: "POP_ACCESS", source: inheritedFrom("/Pop") },
      propagationPending: true,
    });
    expect(decision.explanation).toContain("inherited from /Pop");
  });

  it("allows POP again when the child turns it back on", async () => {
    await setPolicy(api, "/Pop/Child", { popAccess: "ON" });
    expect(await decide(api, "pia@example.com", "POP", iosMail)).toMatchObject({
      allowed: true,
      reason: "ALLOWED",
      decidedBy: { setting: "POP_ACCESS", source: setOn("/Pop/Child") },
    });
  });
});

describe("rule 2: IMAP off for the user's OU", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Imap", "ian@example.com", POP_ON);
    await userIn(api, "/Imap/Child", "ida@example.com", POP_ON);
  });

  it("refuses every IMAP client silently: userNotified is false", async () => {
    expect(await decide(api, "ian@example.com", "IMAP", iosMail)).toMatchObject({
      allowed: true,
      decidedBy: { setting: "IMAP_ACCESS", source: byDefault },
      propagationPending: false,
    });
    await setPolicy(api, "/Imap", { imapAccess: "OFF" });
    const decision = await decide(api, "ian@example.com", "IMAP", iosMail);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "IMAP_DISABLED",
      decidedBy: { setting: "IMAP_ACCESS", source: setOn("/Imap") },
      userNotified: false,
      propagationPending: true,
    });
    expect(decision.explanation).toContain("set on /Imap");
    expect(decision.explanation).toContain("silently");
    for (const client of [macMail, password, serviceAccount()])
      expect(await decide(api, "ian@example.com", "IMAP", client)).toMatchObject({
        reason: "IMAP_DISABLED",
        userNotified: false,
      });
  });

  it("applies to the OUs below, and leaves POP alone", async () => {
    const child = await decide(api, "ida@example.com", "IMAP", iosMail);
    expect(child).toMatchObject({ reason: "IMAP_DISABLED", decidedBy: { source: inheritedFrom("/Imap") } });
    expect(child.explanation).toContain("inherited from /Imap");
    expect(await decide(api, "ida@example.com", "POP", iosMail)).toMatchObject({ allowed: true, reason: "ALLOWED" });
  });
});

describe("rule 3: IMAP restricted to listed OAuth clients", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Listed", "lou@example.com");
    await userIn(api, "/Listed/Child", "liv@example.com");
    await userIn(api, "/Empty", "eve@example.com", POP_ON);
    // Less secure apps allowed and on for the user: a password client is still refused in restricted mode.
    await setPolicy(api, "/Listed", { lessSecureApps: "ON" });
    await api.ok(UPDATE_SETTINGS, { input: { email: "lou@example.com", lessSecureAppsEnabled: true } });
    await setPolicy(api, "/Listed", {
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL, OTHER_CLIENT] },
    });
    await setPolicy(api, "/Empty", { imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] } });
  });

  it("allows a listed OAuth client", async () => {
    const decision = await decide(api, "lou@example.com", "IMAP", iosMail);
    expect(decision).toMatchObject({
      allowed: true,
      reason: "ALLOWED",
      decidedBy: { setting: "IMAP_CLIENT_ACCESS", source: setOn("/Listed") },
      userNotified: null,
      propagationPending: true,
    });
    expect(decision.explanation).toContain("Apple iOS Mail");
    expect(decision.explanation).toContain("set on /Listed");
  });

  it("refuses an unlisted OAuth client with CLIENT_NOT_ALLOWLISTED, and tells the user", async () => {
    const decision = await decide(api, "lou@example.com", "IMAP", macMail);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "CLIENT_NOT_ALLOWLISTED",
      decidedBy: { setting: "IMAP_CLIENT_ACCESS", source: setOn("/Listed") },
      userNotified: true,
    });
    expect(decision.explanation).toContain(MAC_MAIL);
  });

  it("refuses a password client with OAUTH_REQUIRED, even with less secure apps allowed and on", async () => {
    expect(await decide(api, "lou@example.com", "IMAP", password)).toMatchObject({
      allowed: false,
      reason: "OAUTH_REQUIRED",
      decidedBy: { setting: "IMAP_CLIENT_ACCESS", source: setOn("/Listed") },
    });
  });

  it("refuses service-account delegation with SERVICE_ACCOUNT_NOT_SUPPORTED, even with a listed client id", async () => {
    for (const client of [serviceAccount(IOS_MAIL), serviceAccount()])
      expect(await decide(api, "lou@example.com", "IMAP", client)).toMatchObject({
        allowed: false,
        reason: "SERVICE_ACCOUNT_NOT_SUPPORTED",
        decidedBy: { setting: "IMAP_CLIENT_ACCESS", source: setOn("/Listed") },
      });
  });

  it("is inherited by the OUs below, and names the OU it comes from", async () => {
    expect(await decide(api, "liv@example.com", "IMAP", iosMail)).toMatchObject({ allowed: true });
    const refused = await decide(api, "liv@example.com", "IMAP", macMail);
    expect(refused).toMatchObject({
      reason: "CLIENT_NOT_ALLOWLISTED",
      decidedBy: { source: inheritedFrom("/Listed") },
    });
    expect(refused.explanation).toContain("inherited from /Listed");
  });

  it("blocks every IMAP client with an empty list, but not POP", async () => {
    const expected: [Client, string][] = [
      [iosMail, "CLIENT_NOT_ALLOWLISTED"],
      [password, "OAUTH_REQUIRED"],
      [serviceAccount(IOS_MAIL), "SERVICE_ACCOUNT_NOT_SUPPORTED"],
    ];
    for (const [client, reason] of expected)
      expect(await decide(api, "eve@example.com", "IMAP", client)).toMatchObject({ allowed: false, reason });
    expect(await decide(api, "eve@example.com", "POP", macMail)).toMatchObject({ allowed: true, reason: "ALLOWED" });
  });
});

describe("rule 4: password clients need less secure apps, from the administrator and the user", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Legacy", "leo@example.com", POP_ON);
    await userIn(api, "/Legacy/Child", "lia@example.com", POP_ON);
  });

  it("refuses password sign-in with LESS_SECURE_APPS_NOT_ALLOWED while the administrator does not allow them (default)", async () => {
    for (const protocol of ["POP", "IMAP"] as const) {
      const decision = await decide(api, "leo@example.com", protocol, password);
      expect(decision).toMatchObject({
        allowed: false,
        reason: "LESS_SECURE_APPS_NOT_ALLOWED",
        decidedBy: { setting: "LESS_SECURE_APPS", source: byDefault },
        userNotified: true,
        propagationPending: false,
      });
      expect(decision.explanation).toContain("the default");
    }
  });

  it("refuses with USER_LESS_SECURE_APPS_OFF when the administrator allows them but the user has not turned them on", async () => {
    await setPolicy(api, "/Legacy", { lessSecureApps: "ON" });
    for (const protocol of ["POP", "IMAP"] as const)
      expect(await decide(api, "leo@example.com", protocol, password)).toMatchObject({
        allowed: false,
        reason: "USER_LESS_SECURE_APPS_OFF",
        decidedBy: { setting: "USER_LESS_SECURE_APPS", source: null },
        userNotified: true,
        propagationPending: true,
      });
  });

  it("allows password sign-in for POP, and for IMAP with any client, once both allow it", async () => {
    await api.ok(UPDATE_SETTINGS, { input: { email: "leo@example.com", lessSecureAppsEnabled: true } });
    for (const protocol of ["POP", "IMAP"] as const) {
      const decision = await decide(api, "leo@example.com", protocol, password);
      expect(decision).toMatchObject({
        allowed: true,
        reason: "ALLOWED",
        decidedBy: { setting: "LESS_SECURE_APPS", source: setOn("/Legacy") },
        userNotified: null,
      });
      expect(decision.explanation).toContain("set on /Legacy");
    }
  });

  it("names the ancestor the permission is inherited from", async () => {
    await api.ok(UPDATE_SETTINGS, { input: { email: "lia@example.com", lessSecureAppsEnabled: true } });
    const decision = await decide(api, "lia@example.com", "IMAP", password);
    expect(decision).toMatchObject({ allowed: true, decidedBy: { source: inheritedFrom("/Legacy") } });
    expect(decision.explanation).toContain("inherited from /Legacy");
  });

  it("refuses again when the administrator stops allowing them, although the user keeps them on", async () => {
    await setPolicy(api, "/Legacy/Child", { lessSecureApps: "OFF" });
    const decision = await decide(api, "lia@example.com", "POP", password);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "LESS_SECURE_APPS_NOT_ALLOWED",
      decidedBy: { source: setOn("/Legacy/Child") },
    });
    expect(decision.explanation).toContain("set on /Legacy/Child");
  });
});

describe("the user's own settings", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Own", "ola@example.com");
  });

  it("refuses POP with USER_DISABLED_PROTOCOL while the user's POP window is DISABLED (Gmail's default)", async () => {
    expect(await decide(api, "ola@example.com", "POP", iosMail)).toMatchObject({
      allowed: false,
      reason: "USER_DISABLED_PROTOCOL",
      decidedBy: { setting: "USER_POP_ACCESS_WINDOW", source: null },
      userNotified: true,
      propagationPending: false,
    });
    await api.ok(UPDATE_SETTINGS, { input: { email: "ola@example.com", popAccessWindow: "FROM_NOW_ON" } });
    expect(await decide(api, "ola@example.com", "POP", iosMail)).toMatchObject({ allowed: true, reason: "ALLOWED" });
  });

  it("refuses IMAP with USER_DISABLED_PROTOCOL when the user turns IMAP off", async () => {
    await api.ok(UPDATE_SETTINGS, { input: { email: "ola@example.com", imapEnabled: false } });
    const decision = await decide(api, "ola@example.com", "IMAP", iosMail);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "USER_DISABLED_PROTOCOL",
      decidedBy: { setting: "USER_IMAP_ENABLED", source: null },
      userNotified: true,
    });
    expect(decision.explanation).toContain("IMAP");
    expect(await decide(api, "ola@example.com", "POP", iosMail)).toMatchObject({ allowed: true });
  });
});

describe("asking", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await userIn(api, "/Ask", "ada@example.com", POP_ON);
    await userIn(api, "/Ask/Closed", "abe@example.com", POP_ON);
    await setPolicy(api, "/Ask/Closed", { imapAccess: "OFF" });
  });

  it("refuses an OAuth client without its client id with BAD_USER_INPUT", async () => {
    for (const oauthClientId of [undefined, null, "", "   "]) {
      const response = await api.gql(DECIDE, {
        input: { userEmail: "ada@example.com", protocol: "IMAP", client: { authMethod: "OAUTH", oauthClientId } },
      });
      expect(errorOf(response).extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.client.oauthClientId",
      });
    }
  });

  it("refuses an unknown user with NOT_FOUND and a malformed address with BAD_USER_INPUT", async () => {
    const unknown = await api.gql(DECIDE, {
      input: { userEmail: "nobody@example.com", protocol: "POP", client: iosMail },
    });
    expect(errorOf(unknown).extensions).toMatchObject({ code: "NOT_FOUND", field: "input.userEmail" });
    const malformed = await api.gql(DECIDE, { input: { userEmail: "nobody", protocol: "POP", client: iosMail } });
    expect(errorOf(malformed).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.userEmail" });
  });

  it("answers a batch in the order asked, each as the single question would be answered", async () => {
    const questions: [string, Protocol, Client][] = [
      ["abe@example.com", "IMAP", iosMail],
      ["ada@example.com", "IMAP", iosMail],
      ["ada@example.com", "POP", password],
      ["abe@example.com", "POP", macMail],
      ["ADA@example.com", "IMAP", serviceAccount()],
    ];
    const inputs = questions.map(([userEmail, protocol, client]) => ({ userEmail, protocol, client }));
    const { mailAccessDecisions } = await api.ok(DECIDE_MANY, { inputs });
    expect(mailAccessDecisions.map((d: Decision) => [d.userEmail, d.reason])).toEqual([
      ["abe@example.com", "IMAP_DISABLED"],
      ["ada@example.com", "ALLOWED"],
      ["ada@example.com", "LESS_SECURE_APPS_NOT_ALLOWED"],
      ["abe@example.com", "ALLOWED"],
      ["ada@example.com", "ALLOWED"],
    ]);
    const singles = await Promise.all(questions.map((q) => decide(api, ...q)));
    expect(mailAccessDecisions).toEqual(singles);
  });

  it("names the failing input of a batch, and refuses more than 100", async () => {
    const inputs = [
      { userEmail: "ada@example.com", protocol: "POP", client: iosMail },
      { userEmail: "ghost@example.com", protocol: "POP", client: iosMail },
    ];
    const unknown = await api.gql(DECIDE_MANY, { inputs });
    expect(errorOf(unknown).extensions).toMatchObject({ code: "NOT_FOUND", field: "inputs[1].userEmail" });
    const tooMany = Array.from({ length: 101 }, () => inputs[0]);
    expect(errorOf(await api.gql(DECIDE_MANY, { inputs: tooMany })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "inputs",
    });
    expect((await api.ok(DECIDE_MANY, { inputs: [] })).mailAccessDecisions).toEqual([]);
  });
});
