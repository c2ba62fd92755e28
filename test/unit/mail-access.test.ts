/**
 * The pure rules of POP and IMAP access per OU: defaults and inheritance with sources, propagation, OAuth client ids,
 * an administrator's change, its audit entries, its impact on the subtree and the warnings it raises.
 */
import { describe, expect, it } from "vitest";
import {
  applyPolicyChange,
  copiesInheritedAllowlist,
  inheritedClientAccess,
  SETTINGS,
  auditValue,
  DEFAULT_POLICY,
  effectiveMailAccess,
  INHERIT_FROM_PARENT,
  IOS_MAIL_CLIENT_ID,
  isOAuthClientId,
  knownClientName,
  MAX_ALLOWED_OAUTH_CLIENTS,
  parseOAuthClientIds,
  policyChanges,
  type ImapClientAccess,
  type MailAccessPolicy,
  type PolicyChange,
  type PolicyNode,
} from "../../functions/domain/mail-access";
import {
  allowlistSwitchWarnings,
  mailAccessImpact,
  noImpact,
  policyWarnings,
  WARNING_MESSAGES,
  type MailAccessImpact,
  type SubtreeNode,
  type WarningCode,
} from "../../functions/domain/mail-access-impact";
import type { OwnSettingsCounts } from "../../functions/domain/own-settings-counts";
import { EXPORT_NAMES, settingOfExportName, type MailAccessSetting } from "../../functions/domain/mail-access-setting";
import { apiErrorThrownBy, badInputMessage } from "./support";

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";
const CLIENT_A = "111111111111-clienta.apps.googleusercontent.com";
const CLIENT_B = "222222222222-clientb.apps.googleusercontent.com";
const CLIENT_C = "333333333333-clientc.apps.googleusercontent.com";

const NOW = new Date("2025-06-01T12:00:00.000Z");

// ---- building OUs -------------------------------------------------------------------------------------------------------

function ou(path: string, mailAccessPolicy: MailAccessPolicy = {}, policyChangedAt: string | null = null): PolicyNode {
  return { id: `id:${path}`, path, mailAccessPolicy, policyChangedAt };
}

function parentOrgUnitPath(path: string): string | null {
  if (path === "/") return null;
  const parent = path.slice(0, path.lastIndexOf("/"));
  return parent === "" ? "/" : parent;
}

/**
 * An OU of a subtree: its parent is the OU whose path is its path without the last name. Its users have Gmail's
 * defaults in their own settings (IMAP on, POP off, less secure apps off) unless `counts` says otherwise.
 */
function member(
  path: string,
  userCount: number,
  mailAccessPolicy: MailAccessPolicy = {},
  counts: OwnSettingsCounts = { imap: userCount },
): SubtreeNode {
  const parent = parentOrgUnitPath(path);
  return {
    ...ou(path, mailAccessPolicy),
    parentId: parent === null ? null : `id:${parent}`,
    userCount,
    ownSettingsCounts: counts,
  };
}

/** The impact of giving the first OU of `subtree` (below `ancestors`) its own policy `newPolicy`. */
function policyImpact(ancestors: SubtreeNode[], subtree: SubtreeNode[], newPolicy: MailAccessPolicy) {
  const target = subtree[0] as SubtreeNode;
  return mailAccessImpact({ subtree, ancestors, newPolicies: new Map([[target.id, newPolicy]]) });
}

const anyClient = (): ImapClientAccess => ({ mode: "ANY_CLIENT", allowedOAuthClientIds: [] });
const allowList = (...ids: string[]): ImapClientAccess => ({ mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: ids });

/** A source as "SET_HERE /path", "INHERITED /path" or "DEFAULT", to compare at a glance. */
function sourceOf(value: { source: { kind: string; orgUnit: { path: string } | null } }): string {
  const { kind, orgUnit } = value.source;
  return orgUnit === null ? kind : `${kind} ${orgUnit.path}`;
}

// ---- effective settings -------------------------------------------------------------------------------------------------

describe("effectiveMailAccess", () => {
  it("gives the product defaults at a root nobody has set: POP on, IMAP on, any client, no less secure apps", () => {
    const effective = effectiveMailAccess([ou("/")], NOW);
    expect(effective).toEqual({
      popAccess: { value: true, source: { kind: "DEFAULT", orgUnit: null } },
      imapAccess: { value: true, source: { kind: "DEFAULT", orgUnit: null } },
      imapClientAccess: { value: anyClient(), source: { kind: "DEFAULT", orgUnit: null } },
      lessSecureApps: { value: false, source: { kind: "DEFAULT", orgUnit: null } },
      propagation: { lastChangedAt: null, completeBy: null, pending: false },
    });
    expect(DEFAULT_POLICY).toEqual({
      popAccess: true,
      imapAccess: true,
      imapClientAccess: anyClient(),
      lessSecureApps: false,
    });
  });

  it("keeps the defaults down a chain where nothing is set", () => {
    const effective = effectiveMailAccess([ou("/"), ou("/Sales"), ou("/Sales/EMEA")], NOW);
    expect([effective.popAccess, effective.imapAccess, effective.lessSecureApps].map(sourceOf)).toEqual([
      "DEFAULT",
      "DEFAULT",
      "DEFAULT",
    ]);
  });

  it("counts a value set on the root equal to the default as set there, not as the default", () => {
    const effective = effectiveMailAccess([ou("/", { popAccess: true })], NOW);
    expect(sourceOf(effective.popAccess)).toBe("SET_HERE /");
  });

  it("needs at least the OU itself", () => {
    expect(() => effectiveMailAccess([], NOW)).toThrow();
  });

  describe("over six levels with overrides at different levels", () => {
    const chain = [
      ou("/", { lessSecureApps: true }),
      ou("/A", { popAccess: false }),
      ou("/A/B"),
      ou("/A/B/C", { imapClientAccess: allowList(IOS_MAIL) }),
      ou("/A/B/C/D", { popAccess: true, lessSecureApps: false }),
      ou("/A/B/C/D/E", { imapAccess: false }),
    ];
    const at = (path: string) => effectiveMailAccess(chain.slice(0, chain.findIndex((n) => n.path === path) + 1), NOW);

    it("gives each setting of the deepest OU with the OU it was set on", () => {
      const effective = at("/A/B/C/D/E");
      expect(effective.popAccess.value).toBe(true);
      expect(sourceOf(effective.popAccess)).toBe("INHERITED /A/B/C/D");
      expect(effective.imapAccess.value).toBe(false);
      expect(sourceOf(effective.imapAccess)).toBe("SET_HERE /A/B/C/D/E");
      expect(effective.imapClientAccess.value).toEqual(allowList(IOS_MAIL));
      expect(sourceOf(effective.imapClientAccess)).toBe("INHERITED /A/B/C");
      expect(effective.lessSecureApps.value).toBe(false);
      expect(sourceOf(effective.lessSecureApps)).toBe("INHERITED /A/B/C/D");
    });

    it("names the ancestor OU object itself as the source", () => {
      expect(at("/A/B/C/D/E").imapClientAccess.source.orgUnit).toBe(chain[3]);
    });

    it("gives an OU in the middle what is set above it and on it, and nothing from below", () => {
      const effective = at("/A/B/C");
      expect(effective.popAccess).toMatchObject({ value: false });
      expect(sourceOf(effective.popAccess)).toBe("INHERITED /A");
      expect(sourceOf(effective.imapAccess)).toBe("DEFAULT");
      expect(sourceOf(effective.imapClientAccess)).toBe("SET_HERE /A/B/C");
      expect(effective.lessSecureApps.value).toBe(true);
      expect(sourceOf(effective.lessSecureApps)).toBe("INHERITED /");
    });

    it("gives an OU with nothing of its own everything inherited", () => {
      const effective = at("/A/B");
      expect(
        [effective.popAccess, effective.imapAccess, effective.imapClientAccess, effective.lessSecureApps].map(sourceOf),
      ).toEqual(["INHERITED /A", "DEFAULT", "DEFAULT", "INHERITED /"]);
    });

    it("gives the root its own settings as set here", () => {
      expect(sourceOf(at("/").lessSecureApps)).toBe("SET_HERE /");
    });
  });

  describe("propagation", () => {
    const chain = [
      ou("/", { popAccess: true }, "2025-06-01T08:00:00.000Z"),
      ou("/Sales", { imapAccess: false }, "2025-06-01T10:30:00.000Z"),
      ou("/Sales/EMEA", {}, null),
      ou("/Sales/EMEA/Paris", { lessSecureApps: true }, "2025-05-20T09:00:00.000Z"),
    ];
    const completeBy = "2025-06-02T10:30:00.000Z";
    const propagationAt = (now: string) => effectiveMailAccess(chain, new Date(now)).propagation;

    it("dates the last change as the latest save over the chain, complete 24 hours later", () => {
      expect(propagationAt("2025-06-01T12:00:00.000Z")).toEqual({
        lastChangedAt: "2025-06-01T10:30:00.000Z",
        completeBy,
        pending: true,
      });
    });

    it("is pending until the 24 hours are over", () => {
      expect(propagationAt("2025-06-02T10:29:59.999Z").pending).toBe(true);
      expect(propagationAt(completeBy).pending).toBe(false);
      expect(propagationAt("2025-06-03T00:00:00.000Z").pending).toBe(false);
    });

    it("ignores changes on OUs below", () => {
      expect(effectiveMailAccess(chain.slice(0, 1), NOW).propagation).toEqual({
        lastChangedAt: "2025-06-01T08:00:00.000Z",
        completeBy: "2025-06-02T08:00:00.000Z",
        pending: true,
      });
    });

    it("has nothing pending when no setting on the chain was ever saved", () => {
      expect(effectiveMailAccess([ou("/"), ou("/Sales")], NOW).propagation).toEqual({
        lastChangedAt: null,
        completeBy: null,
        pending: false,
      });
    });
  });
});

// ---- OAuth client ids ---------------------------------------------------------------------------------------------------

describe("knownClientName", () => {
  it("names the two well-known Apple clients", () => {
    expect(knownClientName(IOS_MAIL)).toBe("Apple iOS Mail");
    expect(knownClientName(MAC_MAIL)).toBe("Apple Mac Mail");
    expect(IOS_MAIL_CLIENT_ID).toBe(IOS_MAIL);
  });

  it("knows no other client", () => {
    expect(knownClientName(CLIENT_A)).toBeNull();
    expect(knownClientName("")).toBeNull();
    expect(knownClientName(IOS_MAIL.toUpperCase())).toBeNull();
  });
});

describe("parseOAuthClientIds", () => {
  const FIELD = { list: "allowedOAuthClientIds", csv: "allowedOAuthClientIdsCsv" };
  const parse = (input: { list?: string[] | null; csv?: string | null }) => parseOAuthClientIds(input, FIELD);

  it("gives nothing when neither form is given", () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ list: null, csv: null })).toBeUndefined();
  });

  it("refuses both forms at once", () => {
    const message = badInputMessage(() => parse({ list: [CLIENT_A], csv: CLIENT_B }), FIELD.csv);
    expect(message).toContain(FIELD.list);
    badInputMessage(() => parse({ list: [], csv: "" }), FIELD.csv);
  });

  it("accepts the two well-known Apple client ids", () => {
    expect(parse({ list: [IOS_MAIL, MAC_MAIL] })).toEqual([IOS_MAIL, MAC_MAIL]);
    expect(isOAuthClientId(IOS_MAIL)).toBe(true);
    expect(isOAuthClientId(MAC_MAIL)).toBe(true);
  });

  it("trims a list's entries and keeps the first of duplicates, in the given order", () => {
    expect(parse({ list: [` ${CLIENT_B}`, CLIENT_A, `${CLIENT_B}\t`, CLIENT_C, CLIENT_A] })).toEqual([
      CLIENT_B,
      CLIENT_A,
      CLIENT_C,
    ]);
  });

  it("reads comma-separated text, trimmed and de-duplicated, ignoring trailing commas and empty lines", () => {
    expect(parse({ csv: ` ${CLIENT_C} ,${CLIENT_A},\n${CLIENT_C}\n\n${CLIENT_B},,\n` })).toEqual([
      CLIENT_C,
      CLIENT_A,
      CLIENT_B,
    ]);
  });

  it("reads an empty list or empty text as no clients", () => {
    expect(parse({ list: [] })).toEqual([]);
    expect(parse({ csv: "" })).toEqual([]);
    expect(parse({ csv: " ,\n" })).toEqual([]);
  });

  it.each([
    ["uppercase letters", "450232826690-0RM6BS9D2FPS9TIFVK2OODH3TASD7VL7.apps.googleusercontent.com"],
    ["no project number", "0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com"],
    ["an empty project number", "-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com"],
    ["a wrong domain", "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.example.com"],
    ["a suffix after the domain", `${IOS_MAIL}.evil.com`],
    ["a non-numeric project number", "abc-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com"],
    ["an email address", "someone@acme.com"],
  ])("refuses a client id with %s", (_what, id) => {
    expect(isOAuthClientId(id)).toBe(false);
    const error = apiErrorThrownBy(() => parse({ list: [CLIENT_A, id] }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details).toEqual({ field: FIELD.list, invalidEntries: [{ position: 2, value: id }], invalidCount: 1 });
  });

  it("reports every invalid entry of a list with its 1-based position, in the message too", () => {
    const error = apiErrorThrownBy(() => parse({ list: ["Bad-ID", CLIENT_A, " not-an-id ", CLIENT_B, ""] }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details.field).toBe(FIELD.list);
    expect(error.details.invalidEntries).toEqual([
      { position: 1, value: "Bad-ID" },
      { position: 3, value: "not-an-id" },
      { position: 5, value: "" },
    ]);
    expect(error.message).toContain('entry 1 "Bad-ID"');
    expect(error.message).toContain('entry 3 "not-an-id"');
    expect(error.message).toContain('entry 5 ""');
  });

  it("numbers the entries of pasted text without counting empty pieces", () => {
    const error = apiErrorThrownBy(() => parse({ csv: `${CLIENT_A},\n bad, ,${CLIENT_B},,worse` }));
    expect(error.details.invalidEntries).toEqual([
      { position: 2, value: "bad" },
      { position: 4, value: "worse" },
    ]);
  });

  it("reports invalid entries of comma-separated text under the text's field", () => {
    const error = apiErrorThrownBy(() =>
      parse({ csv: `${CLIENT_A}, nope ,${CLIENT_B},123-UPPER.apps.googleusercontent.com` }),
    );
    expect(error.details).toEqual({
      field: FIELD.csv,
      invalidEntries: [
        { position: 2, value: "nope" },
        { position: 4, value: "123-UPPER.apps.googleusercontent.com" },
      ],
      invalidCount: 2,
    });
    expect(error.message).toContain('entry 2 "nope"');
    expect(error.message).toContain('entry 4 "123-UPPER.apps.googleusercontent.com"');
  });

  it("names at most 10 invalid entries, each shortened, and counts the rest; refuses a list or text too long to read", () => {
    const error = apiErrorThrownBy(() =>
      parse({ csv: Array.from({ length: 30 }, (_, i) => `bad${i}`.repeat(50)).join(",") }),
    );
    expect(error.details.invalidEntries).toHaveLength(10);
    expect(error.details.invalidCount).toBe(30);
    expect(error.message).toContain("and 20 more");
    expect(error.message.length).toBeLessThan(2000);
    expect(apiErrorThrownBy(() => parse({ csv: "x,".repeat(6000) })).details).toMatchObject({ maxLength: 10200 });
    expect(apiErrorThrownBy(() => parse({ list: Array(1001).fill(CLIENT_A) })).details).toMatchObject({
      maxItems: 1000,
    });
  });

  it(`accepts ${MAX_ALLOWED_OAUTH_CLIENTS} clients and refuses more`, () => {
    const ids = Array.from(
      { length: MAX_ALLOWED_OAUTH_CLIENTS + 1 },
      (_, i) => `${1000 + i}-client${i}.apps.googleusercontent.com`,
    );
    expect(parse({ list: ids.slice(0, MAX_ALLOWED_OAUTH_CLIENTS) })).toHaveLength(MAX_ALLOWED_OAUTH_CLIENTS);
    const message = badInputMessage(() => parse({ list: ids }), FIELD.list);
    expect(message).toContain(String(MAX_ALLOWED_OAUTH_CLIENTS));
    badInputMessage(() => parse({ csv: ids.join(",") }), FIELD.csv);
  });

  it("counts clients after removing duplicates", () => {
    const ids = Array.from(
      { length: MAX_ALLOWED_OAUTH_CLIENTS },
      (_, i) => `${1000 + i}-client${i}.apps.googleusercontent.com`,
    );
    expect(parse({ list: [...ids, ids[0] as string] })).toEqual(ids);
  });
});

// ---- an administrator's change --------------------------------------------------------------------------------------------

describe("applyPolicyChange", () => {
  const everythingSet: MailAccessPolicy = {
    popAccess: false,
    imapAccess: true,
    imapClientAccess: allowList(CLIENT_A, CLIENT_B),
    lessSecureApps: true,
  };

  describe.each(["popAccess", "imapAccess", "lessSecureApps"] as const)("%s", (key) => {
    it.each([
      ["ON", true],
      ["OFF", false],
    ] as const)("%s sets it to %s on this OU", (change, value) => {
      expect(applyPolicyChange({}, { [key]: change })).toEqual({ [key]: value });
      expect(applyPolicyChange(everythingSet, { [key]: change })).toEqual({ ...everythingSet, [key]: value });
    });

    it("INHERIT removes this OU's own value and nothing else", () => {
      const next = applyPolicyChange(everythingSet, { [key]: "INHERIT" });
      expect(next).not.toHaveProperty(key);
      const withoutKey: MailAccessPolicy = { ...everythingSet };
      delete withoutKey[key];
      expect(next).toEqual(withoutKey);
    });
  });

  it("leaves settings the change leaves out as they are, set or not", () => {
    expect(applyPolicyChange(everythingSet, {})).toEqual(everythingSet);
    expect(applyPolicyChange({}, {})).toEqual({});
    const partial: MailAccessPolicy = { imapAccess: false };
    const next = applyPolicyChange(partial, { popAccess: "ON" });
    expect(next).toEqual({ imapAccess: false, popAccess: true });
    expect(Object.keys(next).sort()).toEqual(["imapAccess", "popAccess"]);
  });

  it("does not change the policy it is given", () => {
    const current = structuredClone(everythingSet);
    applyPolicyChange(current, { popAccess: "INHERIT", imapClientAccess: { mode: "ANY_CLIENT" } });
    expect(current).toEqual(everythingSet);
  });

  describe("imapClientAccess", () => {
    const change = (imapClientAccess: PolicyChange["imapClientAccess"]) => ({ imapClientAccess });

    it("INHERIT removes this OU's override", () => {
      const next = applyPolicyChange(everythingSet, change({ mode: "INHERIT" }));
      expect(next).not.toHaveProperty("imapClientAccess");
      expect(next).toMatchObject({ popAccess: false, imapAccess: true, lessSecureApps: true });
    });

    it("ANY_CLIENT allows any client with no list", () => {
      expect(applyPolicyChange(everythingSet, change({ mode: "ANY_CLIENT" })).imapClientAccess).toEqual(anyClient());
    });

    it("OAUTH_ALLOWLIST with a list uses that list", () => {
      const next = applyPolicyChange(
        everythingSet,
        change({ mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [CLIENT_C] }),
      );
      expect(next.imapClientAccess).toEqual(allowList(CLIENT_C));
      expect(
        applyPolicyChange({}, change({ mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] })).imapClientAccess,
      ).toEqual(allowList());
    });

    it("OAUTH_ALLOWLIST without a list keeps this OU's existing list", () => {
      expect(applyPolicyChange(everythingSet, change({ mode: "OAUTH_ALLOWLIST" })).imapClientAccess).toEqual(
        allowList(CLIENT_A, CLIENT_B),
      );
    });

    it("OAUTH_ALLOWLIST without a list starts empty when this OU had no list and inherits none", () => {
      expect(applyPolicyChange({}, change({ mode: "OAUTH_ALLOWLIST" })).imapClientAccess).toEqual(allowList());
      expect(applyPolicyChange({}, change({ mode: "OAUTH_ALLOWLIST" }), anyClient()).imapClientAccess).toEqual(
        allowList(),
      );
      expect(
        applyPolicyChange({ imapClientAccess: anyClient() }, change({ mode: "OAUTH_ALLOWLIST" })).imapClientAccess,
      ).toEqual(allowList());
    });

    it("OAUTH_ALLOWLIST without a list on an OU that inherits a list keeps it, copied as its own", () => {
      const inherited = allowList(CLIENT_A, IOS_MAIL);
      const asked = change({ mode: "OAUTH_ALLOWLIST" });
      expect(applyPolicyChange({ popAccess: false }, asked, inherited)).toEqual({
        popAccess: false,
        imapClientAccess: allowList(CLIENT_A, IOS_MAIL),
      });
      expect(copiesInheritedAllowlist({}, asked, inherited)).toBe(true);
      // Its own list (or its own ANY_CLIENT) is what is in force there, not the inherited one.
      expect(applyPolicyChange(everythingSet, asked, inherited).imapClientAccess).toEqual(
        allowList(CLIENT_A, CLIENT_B),
      );
      expect(copiesInheritedAllowlist(everythingSet, asked, inherited)).toBe(false);
      expect(applyPolicyChange({ imapClientAccess: anyClient() }, asked, inherited).imapClientAccess).toEqual(
        allowList(),
      );
      expect(copiesInheritedAllowlist({ imapClientAccess: anyClient() }, asked, inherited)).toBe(false);
      // A list given is the list, and nothing is copied.
      const given = change({ mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [CLIENT_C] });
      expect(applyPolicyChange({}, given, inherited).imapClientAccess).toEqual(allowList(CLIENT_C));
      expect(copiesInheritedAllowlist({}, given, inherited)).toBe(false);
      expect(copiesInheritedAllowlist({}, asked, anyClient())).toBe(false);
    });

    it.each(["ANY_CLIENT", "INHERIT"] as const)("refuses a list with %s", (mode) => {
      for (const allowedOAuthClientIds of [[CLIENT_A], []]) {
        const message = badInputMessage(
          () => applyPolicyChange(everythingSet, change({ mode, allowedOAuthClientIds })),
          "imapClientAccess.allowedOAuthClientIds",
        );
        expect(message).toContain(mode);
      }
    });
  });
});

describe("auditValue", () => {
  it("reads toggles as ON and OFF, and a missing value as inherited from the parent", () => {
    expect(auditValue("popAccess", true)).toBe("ON");
    expect(auditValue("imapAccess", false)).toBe("OFF");
    expect(auditValue("lessSecureApps", undefined)).toBe(INHERIT_FROM_PARENT);
    expect(INHERIT_FROM_PARENT).toBe("INHERIT_FROM_PARENT");
  });

  it("reads client access as its mode, with the list in restricted mode", () => {
    expect(auditValue("imapClientAccess", anyClient())).toBe("ANY_CLIENT");
    expect(auditValue("imapClientAccess", allowList(CLIENT_A, CLIENT_B))).toBe(
      `OAUTH_ALLOWLIST:${CLIENT_A},${CLIENT_B}`,
    );
    expect(auditValue("imapClientAccess", allowList())).toBe("OAUTH_ALLOWLIST:");
    expect(auditValue("imapClientAccess", undefined)).toBe(INHERIT_FROM_PARENT);
  });
});

describe("policyChanges", () => {
  it("exports setting names as Google's admin audit log spells them, and reads them back", () => {
    expect(Object.values(SETTINGS).map((setting) => EXPORT_NAMES[setting])).toEqual([
      "ENABLE_POP_ACCESS",
      "IMAP_ACCESS",
      "IMAP_CLIENT_ACCESS",
      "LESS_SECURE_APPS",
    ]);
    for (const setting of Object.keys(EXPORT_NAMES) as MailAccessSetting[])
      expect(settingOfExportName(EXPORT_NAMES[setting])).toBe(setting);
    expect(settingOfExportName("SOMETHING_ELSE")).toBeNull();
  });

  it("records one entry per changed setting, with old and new values", () => {
    const before: MailAccessPolicy = { popAccess: true, imapClientAccess: anyClient() };
    const after: MailAccessPolicy = {
      popAccess: false,
      imapAccess: false,
      imapClientAccess: allowList(IOS_MAIL),
      lessSecureApps: true,
    };
    expect(policyChanges(before, after)).toEqual([
      { key: "popAccess", setting: "POP_ACCESS", oldValue: "ON", newValue: "OFF" },
      { key: "imapAccess", setting: "IMAP_ACCESS", oldValue: INHERIT_FROM_PARENT, newValue: "OFF" },
      {
        key: "imapClientAccess",
        setting: "IMAP_CLIENT_ACCESS",
        oldValue: "ANY_CLIENT",
        newValue: `OAUTH_ALLOWLIST:${IOS_MAIL}`,
      },
      { key: "lessSecureApps", setting: "LESS_SECURE_APPS", oldValue: INHERIT_FROM_PARENT, newValue: "ON" },
    ]);
  });

  it("records INHERIT_FROM_PARENT when an override is removed", () => {
    const before: MailAccessPolicy = { imapAccess: false, imapClientAccess: allowList(CLIENT_A) };
    const after = applyPolicyChange(before, { imapAccess: "INHERIT", imapClientAccess: { mode: "INHERIT" } });
    expect(policyChanges(before, after)).toEqual([
      { key: "imapAccess", setting: "IMAP_ACCESS", oldValue: "OFF", newValue: INHERIT_FROM_PARENT },
      {
        key: "imapClientAccess",
        setting: "IMAP_CLIENT_ACCESS",
        oldValue: `OAUTH_ALLOWLIST:${CLIENT_A}`,
        newValue: INHERIT_FROM_PARENT,
      },
    ]);
  });

  it("records nothing when nothing changes", () => {
    const policy: MailAccessPolicy = { popAccess: false, imapClientAccess: allowList(CLIENT_A, CLIENT_B) };
    expect(policyChanges(policy, structuredClone(policy))).toEqual([]);
    expect(policyChanges(policy, applyPolicyChange(policy, { popAccess: "OFF" }))).toEqual([]);
    expect(policyChanges({}, {})).toEqual([]);
  });

  it("records a different list, including a different order", () => {
    expect(
      policyChanges(
        { imapClientAccess: allowList(CLIENT_A, CLIENT_B) },
        { imapClientAccess: allowList(CLIENT_B, CLIENT_A) },
      ),
    ).toHaveLength(1);
  });
});

// ---- impact on the subtree ----------------------------------------------------------------------------------------------

/**
 * Below the root: /Sales (10 users) is the target.
 *   /Sales/EMEA (20)          nothing of its own
 *     /Sales/EMEA/Paris (5)   IMAP on, set here
 *     /Sales/EMEA/Berlin (7)  nothing of its own
 *   /Sales/APAC (30)          IMAP off, set here; less secure apps allowed
 *   /Sales/US (40)            IMAP on and any client, set here
 *     /Sales/US/NY (3)        nothing of its own
 */
function salesSubtree(targetPolicy: MailAccessPolicy = {}): SubtreeNode[] {
  return [
    member("/Sales", 10, targetPolicy),
    member("/Sales/EMEA", 20),
    member("/Sales/EMEA/Paris", 5, { imapAccess: true }),
    member("/Sales/EMEA/Berlin", 7),
    member("/Sales/APAC", 30, { imapAccess: false, lessSecureApps: true }),
    member("/Sales/US", 40, { imapAccess: true, imapClientAccess: anyClient() }),
    member("/Sales/US/NY", 3),
  ];
}

const NO_IMPACT: MailAccessImpact<SubtreeNode> = noImpact();

/** The impact of giving /Sales `newPolicy`, below `rootPolicy` on the root. */
function impactOn(newPolicy: MailAccessPolicy, rootPolicy: MailAccessPolicy = {}, targetPolicy: MailAccessPolicy = {}) {
  return policyImpact([member("/", 0, rootPolicy)], salesSubtree(targetPolicy), newPolicy);
}

/** Each affected OU as "path: changed settings (users)". */
function affected(impact: MailAccessImpact<SubtreeNode>): string[] {
  return impact.orgUnits.map((u) => `${u.orgUnit.path}: ${u.changedSettings.join(",")} (${u.userCount})`);
}

describe("mailAccessImpact", () => {
  it("turning IMAP off at the top loses IMAP only in OUs that inherit it", () => {
    const impact = impactOn({ imapAccess: false });
    expect(affected(impact)).toEqual([
      "/Sales: imapAccess (10)",
      "/Sales/EMEA: imapAccess (20)",
      "/Sales/EMEA/Berlin: imapAccess (7)",
    ]);
    expect(impact).toMatchObject({
      imap: { usersLosingAccess: 10 + 20 + 7, usersGainingAccess: 0, usersLosingWorkingAccess: 10 + 20 + 7 },
      pop: { usersLosingAccess: 0, usersGainingAccess: 0 },
      turnsImapOff: true,
      turnsPopOff: false,
      restrictsImapClients: false,
      emptyAllowList: false,
      iosMailNotAllowed: false,
      allowsLessSecureApps: false,
    });
  });

  it("the affected OU objects are the subtree's own", () => {
    const subtree = salesSubtree();
    const impact = policyImpact([member("/", 0)], subtree, { imapAccess: false });
    expect(impact.orgUnits[1]?.orgUnit).toBe(subtree[1]);
  });

  it("turning IMAP on below a root that has it off gains IMAP only in OUs that inherit it", () => {
    const impact = impactOn({ imapAccess: true }, { imapAccess: false });
    expect(affected(impact)).toEqual([
      "/Sales: imapAccess (10)",
      "/Sales/EMEA: imapAccess (20)",
      "/Sales/EMEA/Berlin: imapAccess (7)",
    ]);
    expect(impact).toMatchObject({
      imap: { usersGainingAccess: 37, usersLosingAccess: 0, usersGainingWorkingAccess: 37 },
      turnsImapOff: false,
    });
  });

  it("turning POP off loses POP everywhere below, since no OU overrides it", () => {
    const impact = impactOn({ popAccess: false });
    expect(impact.orgUnits.map((u) => u.orgUnit.path)).toHaveLength(7);
    expect(impact).toMatchObject({
      // Everybody loses POP, but nobody uses it: their own settings have it off (Gmail's default).
      pop: { usersLosingAccess: 10 + 20 + 5 + 7 + 30 + 40 + 3, usersLosingWorkingAccess: 0 },
      turnsPopOff: true,
      turnsImapOff: false,
    });
  });

  it("replaces the target's whole policy: a setting left out of the new policy is inherited again", () => {
    const impact = impactOn({}, { popAccess: true }, { popAccess: false });
    expect(impact).toMatchObject({ pop: { usersGainingAccess: 115, usersLosingAccess: 0 }, turnsPopOff: false });
  });

  it("lists every changed setting of each OU", () => {
    const impact = impactOn({ imapAccess: false, lessSecureApps: true });
    expect(affected(impact)).toEqual([
      "/Sales: imapAccess,lessSecureApps (10)",
      "/Sales/EMEA: imapAccess,lessSecureApps (20)",
      "/Sales/EMEA/Paris: lessSecureApps (5)",
      "/Sales/EMEA/Berlin: imapAccess,lessSecureApps (7)",
      "/Sales/US: lessSecureApps (40)",
      "/Sales/US/NY: lessSecureApps (3)",
    ]);
    expect(impact.allowsLessSecureApps).toBe(true);
  });

  it("has no impact when the new policy changes no effective value", () => {
    expect(impactOn({ popAccess: false }, {}, { popAccess: false })).toEqual(NO_IMPACT);
    expect(impactOn({ popAccess: true, imapAccess: true })).toEqual(NO_IMPACT);
  });

  it("does not count allowing less secure apps that were already allowed", () => {
    expect(impactOn({ lessSecureApps: true }, { lessSecureApps: true })).toEqual(NO_IMPACT);
  });

  describe("restricting IMAP clients", () => {
    it("to a list with iOS Mail: restricts, in OUs that inherit client access and have IMAP on", () => {
      const impact = impactOn({ imapClientAccess: allowList(IOS_MAIL, CLIENT_A) });
      expect(affected(impact)).toEqual([
        "/Sales: imapClientAccess (10)",
        "/Sales/EMEA: imapClientAccess (20)",
        "/Sales/EMEA/Paris: imapClientAccess (5)",
        "/Sales/EMEA/Berlin: imapClientAccess (7)",
        "/Sales/APAC: imapClientAccess (30)",
      ]);
      expect(impact).toMatchObject({
        restrictsImapClients: true,
        emptyAllowList: false,
        iosMailNotAllowed: false,
        imap: { usersLosingAccess: 0, usersLosingClients: 10 + 20 + 5 + 7 },
        turnsImapOff: false,
      });
    });

    it("to a list without iOS Mail: iOS Mail is not allowed", () => {
      expect(impactOn({ imapClientAccess: allowList(MAC_MAIL) })).toMatchObject({
        restrictsImapClients: true,
        emptyAllowList: false,
        iosMailNotAllowed: true,
      });
    });

    it("to an empty list: the list is empty", () => {
      expect(impactOn({ imapClientAccess: allowList() })).toMatchObject({
        restrictsImapClients: true,
        emptyAllowList: true,
      });
    });

    it("where IMAP is off everywhere affected restricts nothing", () => {
      const subtree = [member("/Sales", 10), member("/Sales/EMEA", 20), member("/Sales/EMEA/Paris", 5)];
      const impact = policyImpact([member("/", 0, { imapAccess: false })], subtree, {
        imapClientAccess: allowList(),
      });
      expect(affected(impact)).toEqual([
        "/Sales: imapClientAccess (10)",
        "/Sales/EMEA: imapClientAccess (20)",
        "/Sales/EMEA/Paris: imapClientAccess (5)",
      ]);
      expect(impact).toMatchObject({ restrictsImapClients: false, emptyAllowList: false, iosMailNotAllowed: false });
    });

    it("where only an OU that turns IMAP on by itself inherits the list, that OU counts", () => {
      const impact = impactOn({ imapClientAccess: allowList() }, { imapAccess: false });
      expect(impact.orgUnits.map((u) => u.orgUnit.path)).toContain("/Sales/EMEA/Paris");
      expect(impact).toMatchObject({ restrictsImapClients: true, emptyAllowList: true });
    });

    it("turning IMAP back on under the list the OU already had restricts nothing new", () => {
      const subtree = [member("/Sales", 10, { imapAccess: false })];
      const impact = policyImpact([member("/", 0, { imapClientAccess: allowList(MAC_MAIL) })], subtree, {
        imapAccess: true,
      });
      expect(impact).toMatchObject({
        imap: { usersGainingAccess: 10, usersLosingClients: 0 },
        restrictsImapClients: false,
        iosMailNotAllowed: false,
      });
    });

    it("going back to any client restricts nothing", () => {
      const impact = impactOn({ imapClientAccess: anyClient() }, { imapClientAccess: allowList() });
      expect(impact.orgUnits.length).toBeGreaterThan(0);
      expect(impact).toMatchObject({ restrictsImapClients: false, emptyAllowList: false, iosMailNotAllowed: false });
    });
  });

  it("needs the target OU", () => {
    expect(() => mailAccessImpact({ subtree: [], ancestors: [] })).toThrow();
  });
});

// ---- warnings ---------------------------------------------------------------------------------------------------------------

describe("policyWarnings", () => {
  /** The warning codes for giving /Sales `after` (it had `before`), below `rootPolicy` on the root. */
  function warningsFor(after: MailAccessPolicy, rootPolicy: MailAccessPolicy = {}, before: MailAccessPolicy = {}) {
    const impact = impactOn(after, rootPolicy, before);
    return policyWarnings(impact, policyChanges(before, after).length > 0).map((w) => w.code);
  }

  it("turning IMAP off: iOS Mail, silent sign-in failures, clients stop receiving mail, propagation", () => {
    expect(warningsFor({ imapAccess: false })).toEqual([
      "IMAP_OFF_IOS_MAIL",
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
      "CLIENTS_STOP_RECEIVING_MAIL",
      "PROPAGATION_DELAY",
    ]);
  });

  it("turning POP off: clients stop receiving mail, propagation", () => {
    expect(warningsFor({ popAccess: false })).toEqual(["CLIENTS_STOP_RECEIVING_MAIL", "PROPAGATION_DELAY"]);
  });

  it("restricting IMAP to a list with iOS Mail: password and service-account clients are blocked", () => {
    expect(warningsFor({ imapClientAccess: allowList(IOS_MAIL) })).toEqual([
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "PROPAGATION_DELAY",
    ]);
  });

  it("restricting IMAP to a list without iOS Mail: iOS Mail is not on the list", () => {
    expect(warningsFor({ imapClientAccess: allowList(CLIENT_A, MAC_MAIL) })).toEqual([
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "IOS_MAIL_NOT_ALLOWLISTED",
      "PROPAGATION_DELAY",
    ]);
  });

  it("restricting IMAP to an empty list: every IMAP client is blocked", () => {
    expect(warningsFor({ imapClientAccess: allowList() })).toEqual([
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP",
      "PROPAGATION_DELAY",
    ]);
  });

  it("allowing less secure apps: they are deprecated", () => {
    expect(warningsFor({ lessSecureApps: true })).toEqual(["LESS_SECURE_APPS_DEPRECATED", "PROPAGATION_DELAY"]);
  });

  it("a change that changes no effective value still takes time to propagate", () => {
    expect(warningsFor({ popAccess: true })).toEqual(["PROPAGATION_DELAY"]);
  });

  it("removing an override whose value equals the inherited one still takes time to propagate", () => {
    expect(warningsFor({}, {}, { imapAccess: true })).toEqual(["PROPAGATION_DELAY"]);
  });

  it("no change: no warnings", () => {
    expect(warningsFor({})).toEqual([]);
    expect(warningsFor({ imapAccess: false }, {}, { imapAccess: false })).toEqual([]);
    expect(policyWarnings(NO_IMPACT, false)).toEqual([]);
  });

  it("several changes at once: every matching warning", () => {
    expect(warningsFor({ popAccess: false, imapAccess: false, lessSecureApps: true })).toEqual([
      "IMAP_OFF_IOS_MAIL",
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
      "CLIENTS_STOP_RECEIVING_MAIL",
      "LESS_SECURE_APPS_DEPRECATED",
      "PROPAGATION_DELAY",
    ]);
  });

  it("comes with each code's message", () => {
    const warnings = policyWarnings(impactOn({ imapAccess: false, imapClientAccess: allowList() }), true);
    for (const warning of warnings) expect(warning.message).toBe(WARNING_MESSAGES[warning.code]);
  });

  it("says what DOMAIN.md asks each warning to say", () => {
    const says: Record<WarningCode, string[]> = {
      IMAP_OFF_IOS_MAIL: ["iOS Mail", "MDM"],
      IMAP_OFF_SILENT_SIGN_IN_FAILURE: ["silently"],
      CLIENTS_STOP_RECEIVING_MAIL: ["stop receiving mail", "Gmail app"],
      ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS: ["password", "service account"],
      EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP: ["empty", "every IMAP client"],
      IOS_MAIL_NOT_ALLOWLISTED: ["iOS Mail"],
      LESS_SECURE_APPS_DEPRECATED: ["2024", "app passwords"],
      PROPAGATION_DELAY: ["24 hours"],
      COPIED_INHERITED_ALLOWLIST: ["inherited", "own copy"],
      ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS: ["any mail client", "not on the list"],
    };
    for (const [code, phrases] of Object.entries(says))
      for (const phrase of phrases) expect(WARNING_MESSAGES[code as WarningCode]).toContain(phrase);
  });
});

describe("inheritedClientAccess", () => {
  it("is the nearest ancestor's own client access, or the default under none", () => {
    expect(inheritedClientAccess([])).toEqual(DEFAULT_POLICY.imapClientAccess);
    expect(inheritedClientAccess([ou("/"), ou("/A", { imapAccess: false })])).toEqual(anyClient());
    const list = allowList(CLIENT_A);
    expect(inheritedClientAccess([ou("/", { imapClientAccess: list }), ou("/A")])).toEqual(list);
    expect(
      inheritedClientAccess([ou("/", { imapClientAccess: list }), ou("/A", { imapClientAccess: anyClient() })]),
    ).toEqual(anyClient());
  });
});

describe("allowlistSwitchWarnings", () => {
  const chain = (policy: MailAccessPolicy) => effectiveMailAccess([ou("/", policy)], NOW);
  const codes = (before: MailAccessPolicy, after: MailAccessPolicy) =>
    allowlistSwitchWarnings(chain(before), chain(after)).map((warning) => warning.code);

  it("says every unlisted OAuth client is cut off when an OU switches from any client to a list", () => {
    expect(codes({}, { imapClientAccess: allowList(CLIENT_A) })).toEqual(["ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS"]);
  });

  it("says nothing when nothing switches, IMAP is off, or the list is empty (which has its own warning)", () => {
    expect(
      codes({ imapClientAccess: allowList(CLIENT_A) }, { imapClientAccess: allowList(CLIENT_A, CLIENT_B) }),
    ).toEqual([]);
    expect(codes({}, { imapAccess: false, imapClientAccess: allowList(CLIENT_A) })).toEqual([]);
    expect(codes({}, { imapClientAccess: allowList() })).toEqual([]);
    expect(codes({}, {})).toEqual([]);
  });
});
