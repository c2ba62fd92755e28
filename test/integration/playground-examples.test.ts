/**
 * The playground's examples (playground/examples.ts) run as a person would run them: on the demo data `npm start`
 * seeds (functions/local/demo-data.ts), each operation of each tab in order. None may fail, and the inheritance
 * example shows what it promises.
 */
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { createHandler } from "../../functions/graphql/lambda";
import { seedDemoData } from "../../functions/local/demo-data";
import type { HttpApiHandler } from "../../functions/local/http-server";
import { examples } from "../../playground/examples";
import { testCustomer } from "../support/api";

let api: Awaited<ReturnType<typeof testCustomer>>;

const operationNames = (query: string) =>
  parse(query)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => d.name?.value ?? "");

async function run(query: string, operationName: string, variables: string | undefined) {
  const response = await api.request(
    JSON.stringify({ query, operationName, variables: variables === undefined ? {} : JSON.parse(variables) }),
  );
  expect(response.errors, `${operationName}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  return response.data as Record<string, any>;
}

beforeAll(async () => {
  api = await testCustomer();
  expect(await seedDemoData(createHandler(api.config) as HttpApiHandler, api.apiKey)).toBe(true);
  // Seeding again finds the demo OUs and leaves them alone.
  expect(await seedDemoData(createHandler(api.config) as HttpApiHandler, api.apiKey)).toBe(false);
});

describe("the playground's examples", () => {
  it("are six tabs: root OU, inheritance, restriction to iOS Mail, access decisions, audit log, a group's exception", () => {
    expect(examples.map((e) => operationNames(e.query)[0])).toEqual([
      "RootOrgUnit",
      "EmeaImap",
      "PreviewRestriction",
      "AccessDecisions",
      "AuditLog",
      "ImapException",
    ]);
  });

  it.each(examples.map((example) => [example.title, example] as const))(
    "%s: every operation runs",
    async (_, example) => {
      for (const name of operationNames(example.query)) await run(example.query, name, example.variables);
    },
  );

  it("shows IMAP inherited from /Sales on /Sales/EMEA once /Sales turns it off", async () => {
    const inheritance = examples[1]?.query ?? "";
    const imap = async () => (await run(inheritance, "EmeaImap", undefined)).orgUnit.effectiveMailAccess.imapAccess;
    expect(await imap()).toEqual({ enabled: true, source: { kind: "DEFAULT", orgUnit: null } });
    await run(inheritance, "TurnImapOffOnSales", undefined);
    expect(await imap()).toEqual({ enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/Sales" } } });
    await run(inheritance, "InheritImapOnSales", undefined);
    expect(await imap()).toEqual({ enabled: true, source: { kind: "DEFAULT", orgUnit: null } });
  });

  it("answers the access decisions for Apple iOS Mail once IMAP is restricted to it", async () => {
    const restriction = examples[2];
    await run(restriction?.query ?? "", "RestrictImap", restriction?.variables);
    const decisions = await run(examples[3]?.query ?? "", "AccessDecisions", examples[3]?.variables);
    expect(decisions.iosMail).toMatchObject({ allowed: true, reason: "ALLOWED" });
    expect(decisions.macMail).toMatchObject({ allowed: false, reason: "CLIENT_NOT_ALLOWLISTED" });
    const audit = await run(examples[4]?.query ?? "", "AuditLog", undefined);
    expect(audit.auditEvents.nodes[0]).toMatchObject({ setting: "IMAP_CLIENT_ACCESS", orgUnitPath: "/Sales/EMEA" });
  });

  it("shows the exception end to end: IMAP off for /Sales, on for the group imap-exceptions that holds ana", async () => {
    // Any client again on /Sales/EMEA (the restriction tab restricted it), so that IMAP access itself decides.
    await run(examples[2]?.query ?? "", "AllowAnyClient", examples[2]?.variables);
    const exception = examples[5]?.query ?? "";
    const ana = async () => (await run(exception, "ImapException", undefined)) as Record<string, any>;
    expect((await ana()).user.effectiveMailAccess.imap).toEqual({
      allowedByAdministrator: true,
      source: { kind: "DEFAULT", orgUnit: null, group: null },
    });
    await run(exception, "TurnImapOffForSales", undefined);
    expect((await ana()).user.effectiveMailAccess.imap).toEqual({
      allowedByAdministrator: false,
      source: { kind: "INHERITED", orgUnit: { path: "/Sales" }, group: null },
    });
    await run(exception, "CreateImapExceptions", undefined);
    await run(exception, "TurnImapOnForTheGroup", undefined);
    const added = await run(exception, "AddAna", undefined);
    expect(added.addGroupMembers.impact).toEqual({ membersReached: 1, usersGainingImap: 1 });
    const after = await ana();
    expect(after.user.effectiveMailAccess).toEqual({
      imap: {
        allowedByAdministrator: true,
        source: { kind: "GROUP", orgUnit: null, group: { name: "imap-exceptions" } },
      },
      orgUnitSettings: { imapAccess: { enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/Sales" } } } },
    });
    expect(after.user.groups.nodes).toEqual([{ direct: true, group: { name: "imap-exceptions", priority: 1 } }]);
    expect(after.iosMail).toMatchObject({
      allowed: true,
      reason: "ALLOWED",
      decidedBy: { setting: "IMAP_ACCESS", source: { kind: "GROUP", group: { name: "imap-exceptions" } } },
    });
    const deleted = await run(exception, "DeleteImapExceptions", undefined);
    expect(deleted.deleteGroup.impact).toEqual({ membersReached: 1, usersLosingImap: 1 });
    expect((await ana()).user.effectiveMailAccess.imap.allowedByAdministrator).toBe(false);
    await run(exception, "InheritImapForSales", undefined);
    expect((await ana()).user.effectiveMailAccess.imap.source.kind).toBe("DEFAULT");
  });
});
