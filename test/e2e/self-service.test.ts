/**
 * The user's own settings page end to end (issue 13): `npm start`, configured through its environment with an OpenID
 * Connect identity provider on loopback (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL; its JWKS served by this test),
 * over HTTP. Ana, a plain user of the demo organization (no administrator role), signs in, loads her page with the
 * committed operation (graphql/operations/user-settings-page.graphql, typed by codegen), sees her IMAP settings hidden
 * once the administrator (the demo API key, with the committed admin OU page operations) turns IMAP off for her OU,
 * saves a setting, and is refused everything else, as the access matrix defines it.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddAllowedMailClientsDocument,
  AdminOrgUnitPageDocument,
  AuditLogPageDocument,
  CheckMailAccessDocument,
  SaveMyMailSettingsDocument,
  UpdateOrgUnitMailAccessDocument,
  UserSettingsPageDocument,
} from "../generated/client/graphql";
import { startLocalServer, type RunningLocalServer } from "../support/local-server";
import { startIdentityProvider, type IdentityProvider } from "../support/security";

const ANA = "ana@example.com";
const BEN = "ben@example.com";
const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";

interface Answer<T> {
  status: number;
  sequentialRoundTrips: number;
  data: T | null | undefined;
  errors: { message: string; extensions: { code: string; field?: string } }[] | undefined;
}

let idp: IdentityProvider;
let server: RunningLocalServer;
let admin: Record<string, string>;
let ana: Record<string, string>;

async function post<T>(query: string, variables: unknown, headers: Record<string, string>): Promise<Answer<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Pick<Answer<T>, "data" | "errors">;
  return {
    status: response.status,
    sequentialRoundTrips: Number(response.headers.get("x-dynamodb-sequential-round-trips")),
    data: body.data,
    errors: body.errors,
  };
}

/** Sends a committed front-end operation exactly as codegen printed it. */
function send<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  headers: Record<string, string>,
): Promise<Answer<TResult>> {
  return post<TResult>(print(document), variables, headers);
}

/** Like send, but fails the test on errors and returns the typed data. */
async function run<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  headers: Record<string, string>,
): Promise<TResult> {
  const answer = await send(document, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as TResult;
}

beforeAll(async () => {
  idp = await startIdentityProvider();
  server = await startLocalServer("self-service-e2e-key", {
    OIDC_ISSUER: idp.oidc.issuer,
    OIDC_AUDIENCE: idp.oidc.audience,
    OIDC_JWKS_URL: idp.oidc.jwksUrl,
  });
  admin = { "x-api-key": server.apiKey };
  ana = { authorization: `Bearer ${await idp.token({ email: ANA, name: "Ana Lima" })}` };
});

afterAll(async () => {
  await server?.stop();
  await idp?.close();
});

describe("a plain user signed in with OpenID Connect, against npm start", () => {
  it("loads her page, sees IMAP hidden once the administrator turns it off for her OU, and saves a setting", async () => {
    const first = await send(UserSettingsPageDocument, {}, ana);
    expect(first.errors).toBeUndefined();
    expect(first.data?.viewer).toMatchObject({
      kind: "USER",
      user: { email: ANA, name: "Ana Lima", orgUnit: { path: "/Sales/EMEA" } },
    });
    expect(first.data?.viewer.user?.effectiveMailAccess.availableToUser.imapSettings).toBe(true);
    // Sign-in included: the identity lookup with where her user is, then her user with her OU's chain.
    expect(first.sequentialRoundTrips).toBe(2);

    // The administrator's OU page shows her, and turns IMAP off for her OU (previewed, then saved).
    const orgUnitPage = await run(AdminOrgUnitPageDocument, { orgUnitPath: "/Sales/EMEA" }, admin);
    expect(orgUnitPage.orgUnit?.users.nodes.map((user) => user.email)).toEqual([ANA]);
    const input = { orgUnitPath: "/Sales/EMEA", imapAccess: "OFF" as const };
    const preview = await run(UpdateOrgUnitMailAccessDocument, { input: { ...input, dryRun: true } }, admin);
    expect(preview.updateMailAccessPolicy.warnings.map((warning) => warning.code)).toContain("IMAP_OFF_IOS_MAIL");
    await run(UpdateOrgUnitMailAccessDocument, { input }, admin);

    const page = await send(UserSettingsPageDocument, {}, ana);
    const user = page.data?.viewer.user;
    expect(user?.effectiveMailAccess.availableToUser).toEqual({
      popSettings: true,
      imapSettings: false,
      lessSecureAppsSetting: false,
    });
    expect(user?.effectiveMailAccess.imap).toEqual({
      allowedByAdministrator: false,
      enabledByUser: true,
      enabled: false,
    });
    expect(page.sequentialRoundTrips).toBe(2);

    // What the page hides cannot be saved either; what it shows can.
    const hidden = await send(SaveMyMailSettingsDocument, { input: { imapEnabled: false } }, ana);
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "imapEnabled" });
    const saved = await run(
      SaveMyMailSettingsDocument,
      { input: { popAccessWindow: "FROM_NOW_ON", expectedVersion: user?.version } },
      ana,
    );
    expect(saved.updateMyMailSettings).toMatchObject({
      changed: true,
      dryRun: false,
      user: { email: ANA, version: (user?.version ?? 0) + 1, mailSettings: { popAccessWindow: "FROM_NOW_ON" } },
    });
    expect(saved.updateMyMailSettings.user.effectiveMailAccess.pop.enabled).toBe(true);
    const stale = await send(
      SaveMyMailSettingsDocument,
      { input: { popAccessWindow: "ALL_MAIL", expectedVersion: 1 } },
      ana,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion" });

    // The administrator's audit view shows her change, made by her.
    const audit = await run(
      AuditLogPageDocument,
      { filter: { orgUnitPath: "/Sales/EMEA", setting: "USER_POP_ACCESS_WINDOW" } },
      admin,
    );
    expect(audit.auditEvents.nodes).toMatchObject([
      { userEmail: ANA, oldValue: "DISABLED", newValue: "FROM_NOW_ON", actor: { kind: "USER", id: ANA } },
    ]);
  });

  it("is refused everything else: other users, OUs, decisions, the audit log, and every administrator's mutation", async () => {
    const before = await post<any>(
      `{ users(emails: ["${ANA}", "${BEN}"]) { email version } orgUnit(orgUnitPath: "/Sales/EMEA") { version } }`,
      {},
      admin,
    );
    const codes = async (query: string, variables: Record<string, unknown> = {}) =>
      (await post(query, variables, ana)).errors?.map((error) => error.extensions.code);

    // Another user is, for her, no user at all (as one that does not exist).
    expect((await post(`{ user(email: "${BEN}") { email } }`, {}, ana)).data).toEqual({ user: null });
    expect(await codes(`{ users(emails: ["${BEN}"]) { email } }`)).toEqual(["FORBIDDEN"]);
    // The committed administrator's operations, with her token.
    expect(
      (await send(AdminOrgUnitPageDocument, { orgUnitPath: "/Sales/EMEA" }, ana)).errors?.[0]?.extensions.code,
    ).toBe("FORBIDDEN");
    expect((await send(AuditLogPageDocument, {}, ana)).errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const decision = await send(
      CheckMailAccessDocument,
      { input: { userEmail: ANA, protocol: "IMAP", client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL } } },
      ana,
    );
    expect(decision.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(
      (await send(UpdateOrgUnitMailAccessDocument, { input: { orgUnitPath: "/Sales/EMEA", imapAccess: "ON" } }, ana))
        .errors?.[0]?.extensions.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await send(
          AddAllowedMailClientsDocument,
          { input: { orgUnitPath: "/Sales/EMEA", oauthClientIds: [IOS_MAIL], switchToAllowlist: true } },
          ana,
        )
      ).errors?.[0]?.extensions.code,
    ).toBe("FORBIDDEN");
    // The administrators' verb for users' settings, on someone else or on herself.
    for (const email of [BEN, ANA])
      expect(
        await codes(
          `mutation ($input: UpdateUserMailSettingsInput!) { updateUserMailSettings(input: $input) { user { email } } }`,
          { input: { email, popAccessWindow: "ALL_MAIL" } },
        ),
      ).toEqual(["FORBIDDEN"]);
    expect(
      await codes(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email } } }`, {
        input: { email: ANA, orgUnitPath: "/Engineering" },
      }),
    ).toEqual(["FORBIDDEN"]);
    expect(
      await codes(`mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
        input: { name: "mine", role: "SUPER_ADMIN" },
      }),
    ).toEqual(["FORBIDDEN"]);
    expect(await codes(`{ apiKeys { nodes { id } } }`)).toEqual(["FORBIDDEN"]);

    // A token the provider did not sign is no sign-in at all.
    const forged = await idp.token({ email: ANA }, { signWith: idp.otherKey });
    const refused = await send(UserSettingsPageDocument, {}, { authorization: `Bearer ${forged}` });
    expect(refused.status).toBe(401);

    // Nothing she was refused changed anything.
    expect(
      await post(
        `{ users(emails: ["${ANA}", "${BEN}"]) { email version } orgUnit(orgUnitPath: "/Sales/EMEA") { version } }`,
        {},
        admin,
      ),
    ).toMatchObject({ data: before.data });
  });
});
