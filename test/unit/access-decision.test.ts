/**
 * The access decision for one user and one mail client, checked exhaustively against an oracle written from the
 * numbered rules of the domain brief (../shared/DOMAIN.md); then explanations, client validation and what a
 * user-facing page may show.
 */
import { describe, expect, it } from "vitest";
import {
  availableToUser,
  decideAccess,
  DEFAULT_USER_SETTINGS,
  unavailableUserSetting,
  validateClient,
  type AccessDecision,
  type MailClient,
  type PopAccessWindow,
  type Protocol,
  type ReasonCode,
  type UserMailSettings,
} from "../../functions/domain/access-decision";
import type { MailAccessSetting } from "../../functions/domain/mail-access-setting";
import {
  effectiveMailAccess,
  IOS_MAIL_CLIENT_ID,
  type EffectiveMailAccess,
  type MailAccessPolicy,
  type PolicyNode,
} from "../../functions/domain/mail-access";
import { withGroups } from "../../functions/domain/groups";
import { badInputMessage } from "./support";

const MAC_MAIL_CLIENT_ID = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";
const LISTED_CLIENT_ID = "123456789012-listedclient0.apps.googleusercontent.com";
const UNLISTED_CLIENT_ID = "210987654321-otherclient9.apps.googleusercontent.com";

const CHANGED_AT = "2025-03-01T08:00:00.000Z";
const hoursAfterChange = (hours: number) => new Date(new Date(CHANGED_AT).getTime() + hours * 3600_000);

// ---- building OUs and effective settings ----------------------------------------------------------------------------

function ou(path: string, mailAccessPolicy: MailAccessPolicy = {}, policyChangedAt: string | null = null): PolicyNode {
  return { id: `id:${path}`, path, mailAccessPolicy, policyChangedAt };
}

/** Effective settings of the last OU of `chain` (root first), one hour after CHANGED_AT unless told otherwise. */
function effectiveOf(chain: PolicyNode[], now = hoursAfterChange(1)): EffectiveMailAccess<PolicyNode> {
  return effectiveMailAccess(chain, now);
}

/** Effective settings of /Sales with `policy` set on /Sales itself. */
function setOnSales(policy: MailAccessPolicy): EffectiveMailAccess<PolicyNode> {
  return effectiveOf([ou("/"), ou("/Sales", policy)]);
}

const user = (settings: Partial<UserMailSettings> = {}): UserMailSettings => ({
  imapEnabled: true,
  popAccessWindow: "ALL_MAIL",
  lessSecureAppsEnabled: true,
  ...settings,
});

const oauth = (oauthClientId: string): MailClient => ({ authMethod: "OAUTH", oauthClientId });
const PASSWORD_CLIENT: MailClient = { authMethod: "PASSWORD" };

// ---- the exhaustive decision table ----------------------------------------------------------------------------------

type ClientMode = "ANY_CLIENT" | "ALLOWLIST_WITH_ID" | "ALLOWLIST_EMPTY";
type ClientKind = "OAUTH_LISTED" | "OAUTH_UNLISTED" | "PASSWORD" | "SERVICE_ACCOUNT_LISTED";

interface Scenario {
  protocol: Protocol;
  popOn: boolean;
  imapOn: boolean;
  clientMode: ClientMode;
  adminLessSecureApps: boolean;
  clientKind: ClientKind;
  user: UserMailSettings;
  propagationPending: boolean;
}

interface Expected {
  allowed: boolean;
  reason: ReasonCode;
  setting: MailAccessSetting;
  /** The OU whose setting decided, as "kind path" ("SET_HERE /Sales/EMEA", "DEFAULT"), or null for the user's own. */
  source: string | null;
  userNotified: boolean | null;
  propagationPending: boolean;
}

const PROTOCOLS: Protocol[] = ["POP", "IMAP"];
const BOOLEANS = [true, false];
const CLIENT_MODES: ClientMode[] = ["ANY_CLIENT", "ALLOWLIST_WITH_ID", "ALLOWLIST_EMPTY"];
const CLIENT_KINDS: ClientKind[] = ["OAUTH_LISTED", "OAUTH_UNLISTED", "PASSWORD", "SERVICE_ACCOUNT_LISTED"];
const POP_WINDOWS: PopAccessWindow[] = ["DISABLED", "FROM_NOW_ON", "ALL_MAIL"];

function allScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const protocol of PROTOCOLS)
    for (const popOn of BOOLEANS)
      for (const imapOn of BOOLEANS)
        for (const clientMode of CLIENT_MODES)
          for (const adminLessSecureApps of BOOLEANS)
            for (const clientKind of CLIENT_KINDS)
              for (const imapEnabled of BOOLEANS)
                for (const popAccessWindow of POP_WINDOWS)
                  for (const lessSecureAppsEnabled of BOOLEANS)
                    for (const propagationPending of BOOLEANS)
                      scenarios.push({
                        protocol,
                        popOn,
                        imapOn,
                        clientMode,
                        adminLessSecureApps,
                        clientKind,
                        user: { imapEnabled, popAccessWindow, lessSecureAppsEnabled },
                        propagationPending,
                      });
  return scenarios;
}

/**
 * Where each administrator setting of a scenario is set, so that every kind of source shows up in the table:
 * POP on the root, IMAP on /Sales, the client restriction on the user's OU /Sales/EMEA (any client: the default) and
 * less secure apps on /Sales/EMEA when allowed (not allowed: the default).
 */
const USER_OU = "/Sales/EMEA";

function effectiveFor(s: Scenario): EffectiveMailAccess<PolicyNode> {
  const clientAccess: MailAccessPolicy =
    s.clientMode === "ANY_CLIENT"
      ? {}
      : {
          imapClientAccess: {
            mode: "OAUTH_ALLOWLIST",
            allowedOAuthClientIds: s.clientMode === "ALLOWLIST_WITH_ID" ? [LISTED_CLIENT_ID, MAC_MAIL_CLIENT_ID] : [],
          },
        };
  const chain = [
    ou("/", { popAccess: s.popOn }),
    ou("/Sales", { imapAccess: s.imapOn }, CHANGED_AT),
    ou(USER_OU, { ...clientAccess, ...(s.adminLessSecureApps ? { lessSecureApps: true } : {}) }),
  ];
  return effectiveOf(chain, hoursAfterChange(s.propagationPending ? 1 : 25));
}

function clientFor(kind: ClientKind): MailClient {
  switch (kind) {
    case "OAUTH_LISTED":
      return oauth(LISTED_CLIENT_ID);
    case "OAUTH_UNLISTED":
      return oauth(UNLISTED_CLIENT_ID);
    case "PASSWORD":
      return PASSWORD_CLIENT;
    case "SERVICE_ACCOUNT_LISTED":
      return { authMethod: "SERVICE_ACCOUNT_DELEGATION", oauthClientId: LISTED_CLIENT_ID };
  }
}

/**
 * The oracle: DOMAIN.md's rules as a list of refusals, each with the rule it comes from. The first refusal that
 * applies decides; if none applies the client is allowed.
 */
function expectedDecision(s: Scenario): Expected {
  const pop = s.protocol === "POP";
  const imap = s.protocol === "IMAP";
  const password = s.clientKind === "PASSWORD";
  const serviceAccount = s.clientKind === "SERVICE_ACCOUNT_LISTED";
  const oauthClient = s.clientKind === "OAUTH_LISTED" || s.clientKind === "OAUTH_UNLISTED";
  const restrictedImap = imap && s.clientMode !== "ANY_CLIENT";
  const clientIdOnList = s.clientMode === "ALLOWLIST_WITH_ID" && s.clientKind === "OAUTH_LISTED";

  const refusals: { applies: boolean; reason: ReasonCode; setting: MailAccessSetting }[] = [
    // Rule 1: POP off for the user's OU: no POP client can fetch mail.
    { applies: pop && !s.popOn, reason: "POP_DISABLED", setting: "POP_ACCESS" },
    // Rule 2: IMAP off: no IMAP client can sign in (silently).
    { applies: imap && !s.imapOn, reason: "IMAP_DISABLED", setting: "IMAP_ACCESS" },
    // Rule 3: restricted IMAP refuses service-account clients even if listed...
    {
      applies: restrictedImap && serviceAccount,
      reason: "SERVICE_ACCOUNT_NOT_SUPPORTED",
      setting: "IMAP_CLIENT_ACCESS",
    },
    // ... refuses password clients (rule 4: password clients use IMAP only when any client is allowed) ...
    { applies: restrictedImap && password, reason: "OAUTH_REQUIRED", setting: "IMAP_CLIENT_ACCESS" },
    // ... and lets only OAuth clients whose id is on the list through.
    {
      applies: restrictedImap && oauthClient && !clientIdOnList,
      reason: "CLIENT_NOT_ALLOWLISTED",
      setting: "IMAP_CLIENT_ACCESS",
    },
    // Rule 4: a password client needs less secure apps allowed by the administrator...
    {
      applies: password && !s.adminLessSecureApps,
      reason: "LESS_SECURE_APPS_NOT_ALLOWED",
      setting: "LESS_SECURE_APPS",
    },
    // The user's own settings exist only while the administrator allows the protocol, so every administrator refusal
    // above comes first. DOMAIN.md does not order "less secure apps not allowed by the administrator" against "the
    // user turned the protocol off", nor the user's two settings against each other: aligned with the implementation
    // (administrator first; then the user's protocol setting; then the user's less secure apps).
    {
      applies: pop && s.user.popAccessWindow === "DISABLED",
      reason: "USER_DISABLED_PROTOCOL",
      setting: "USER_POP_ACCESS_WINDOW",
    },
    { applies: imap && !s.user.imapEnabled, reason: "USER_DISABLED_PROTOCOL", setting: "USER_IMAP_ENABLED" },
    // Rule 4: ... and turned on by the user in their own account.
    {
      applies: password && !s.user.lessSecureAppsEnabled,
      reason: "USER_LESS_SECURE_APPS_OFF",
      setting: "USER_LESS_SECURE_APPS",
    },
  ];

  // Which setting "decided" an allowed sign-in is not in DOMAIN.md: aligned with the implementation (a password client:
  // less secure apps; restricted IMAP: the client list; otherwise the protocol's own switch).
  const allowedBy: MailAccessSetting = password
    ? "LESS_SECURE_APPS"
    : restrictedImap
      ? "IMAP_CLIENT_ACCESS"
      : pop
        ? "POP_ACCESS"
        : "IMAP_ACCESS";

  const refusal = refusals.find((r) => r.applies);
  const setting = refusal?.setting ?? allowedBy;
  return {
    allowed: refusal === undefined,
    reason: refusal?.reason ?? "ALLOWED",
    setting,
    source: expectedSource(s, setting),
    // Rule 2: only IMAP turned off fails silently; every other refusal is shown to the user.
    userNotified: refusal === undefined ? null : refusal.reason !== "IMAP_DISABLED",
    propagationPending: s.propagationPending,
  };
}

/** Where `setting` comes from in the chain effectiveFor builds. */
function expectedSource(s: Scenario, setting: MailAccessSetting): string | null {
  switch (setting) {
    case "POP_ACCESS":
      return "INHERITED /";
    case "IMAP_ACCESS":
      return "INHERITED /Sales";
    case "IMAP_CLIENT_ACCESS":
      return s.clientMode === "ANY_CLIENT" ? "DEFAULT" : `SET_HERE ${USER_OU}`;
    case "LESS_SECURE_APPS":
      return s.adminLessSecureApps ? `SET_HERE ${USER_OU}` : "DEFAULT";
    default:
      return null;
  }
}

function actualOutcome(decision: AccessDecision<PolicyNode>): Expected {
  const source = decision.decidedBy.source;
  return {
    allowed: decision.allowed,
    reason: decision.reason,
    setting: decision.decidedBy.setting,
    source: source === null ? null : source.orgUnit === null ? source.kind : `${source.kind} ${source.orgUnit.path}`,
    userNotified: decision.userNotified,
    propagationPending: decision.propagationPending,
  };
}

function describeScenario(s: Scenario): string {
  return [
    s.protocol,
    `POP ${s.popOn ? "on" : "off"}`,
    `IMAP ${s.imapOn ? "on" : "off"}`,
    s.clientMode,
    `admin LSA ${s.adminLessSecureApps ? "allowed" : "not allowed"}`,
    s.clientKind,
    `user imapEnabled=${s.user.imapEnabled} popAccessWindow=${s.user.popAccessWindow} LSA=${s.user.lessSecureAppsEnabled}`,
    s.propagationPending ? "pending" : "propagated",
  ].join(", ");
}

describe("decideAccess over every combination", () => {
  const scenarios = allScenarios();
  let checked = 0;

  it("covers protocol × POP × IMAP × client mode × admin LSA × client kind × user settings × propagation", () => {
    // 2 × 2 × 2 × 3 × 2 × 4 × (2 × 3 × 2) = 2304 combinations, each with a change still propagating and complete.
    expect(scenarios).toHaveLength(2304 * 2);
  });

  describe.each(PROTOCOLS)("%s", (protocol) => {
    it.each(CLIENT_KINDS)("%s client: matches the rules of the domain brief", (clientKind) => {
      const mismatches: string[] = [];
      for (const s of scenarios.filter((x) => x.protocol === protocol && x.clientKind === clientKind)) {
        const expected = expectedDecision(s);
        const actual = actualOutcome(
          decideAccess(effectiveFor(s), USER_OU, s.user, s.protocol, clientFor(s.clientKind)),
        );
        checked += 1;
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          mismatches.push(
            `${describeScenario(s)}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
          );
      }
      expect(mismatches, mismatches.slice(0, 5).join("\n")).toEqual([]);
    });
  });

  it("checked every combination", () => {
    console.log(`decideAccess: ${checked} combinations checked against the domain brief's rules`);
    expect(checked).toBe(scenarios.length);
  });
});

// ---- the same table with every administrator setting coming from a configuration group --------------------------

/** The scenario's opposite value of each setting: what the OU chain and a low-priority group set. */
function oppositeOf(s: Scenario): MailAccessPolicy {
  return {
    popAccess: !s.popOn,
    imapAccess: !s.imapOn,
    imapClientAccess:
      s.clientMode === "ANY_CLIENT"
        ? { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] }
        : { mode: "ANY_CLIENT", allowedOAuthClientIds: [] },
    lessSecureApps: !s.adminLessSecureApps,
  };
}

/** The scenario's own values, as policy settings (clientMode as effectiveFor builds it). */
function valuesOf(s: Scenario): Required<MailAccessPolicy> {
  const effective = effectiveFor(s);
  return {
    popAccess: effective.popAccess.value,
    imapAccess: effective.imapAccess.value,
    imapClientAccess: effective.imapClientAccess.value,
    lessSecureApps: effective.lessSecureApps.value,
  };
}

const GROUP_OF: Record<string, string> = {
  POP_ACCESS: "pop-exceptions",
  IMAP_ACCESS: "imap-exceptions",
  IMAP_CLIENT_ACCESS: "client-exceptions",
  LESS_SECURE_APPS: "lsa-exceptions",
};

/**
 * The user's OU sets the opposite of every scenario value; four groups each set one scenario value, above a group
 * that sets the opposite of all of them: every administrator setting is the group's, and the decision must be the
 * table's, with the deciding group named as its source.
 */
function groupsFor(s: Scenario) {
  const values = valuesOf(s);
  const group = (name: string, mailAccessPolicy: MailAccessPolicy) => ({
    name,
    mailAccessPolicy,
    policyChangedAt: s.propagationPending ? CHANGED_AT : null,
  });
  return [
    group("pop-exceptions", { popAccess: values.popAccess }),
    group("imap-exceptions", { imapAccess: values.imapAccess }),
    group("lowest", oppositeOf(s)),
    group("client-exceptions", { imapClientAccess: values.imapClientAccess }),
    group("lsa-exceptions", { lessSecureApps: values.lessSecureApps }),
  ].sort((a, b) => (a.name === "lowest" ? 1 : b.name === "lowest" ? -1 : 0));
}

describe("decideAccess with every administrator setting from a configuration group", () => {
  const scenarios = allScenarios();

  it.each(PROTOCOLS)("%s: every reason, decided by the group that sets the deciding setting", (protocol) => {
    const mismatches: string[] = [];
    const reasons = new Set<string>();
    for (const s of scenarios.filter((x) => x.protocol === protocol)) {
      const chain = [ou("/"), ou("/Sales"), ou(USER_OU, oppositeOf(s))];
      const orgUnit = effectiveOf(chain, hoursAfterChange(s.propagationPending ? 1 : 25));
      const effective = withGroups(orgUnit, groupsFor(s), hoursAfterChange(s.propagationPending ? 1 : 25));
      const decision = decideAccess(effective, USER_OU, s.user, s.protocol, clientFor(s.clientKind));
      const expected = expectedDecision(s);
      const source = decision.decidedBy.source;
      const actual = {
        ...actualOutcome(decision as AccessDecision<PolicyNode>),
        source: source === null ? null : source.kind === "GROUP" ? `GROUP ${source.group.name}` : source.kind,
      };
      const wanted = { ...expected, source: expected.source === null ? null : `GROUP ${GROUP_OF[expected.setting]}` };
      reasons.add(actual.reason);
      if (JSON.stringify(actual) !== JSON.stringify(wanted))
        mismatches.push(
          `${describeScenario(s)}\n  expected ${JSON.stringify(wanted)}\n  actual   ${JSON.stringify(actual)}`,
        );
      if (source?.kind === "GROUP" && !decision.explanation.includes(`configuration group "${source.group.name}"`))
        mismatches.push(`${describeScenario(s)}: the explanation does not name the group: ${decision.explanation}`);
    }
    expect(mismatches, mismatches.slice(0, 5).join("\n")).toEqual([]);
    // Every administrator's reason shows up with a group as its source.
    const adminReasons =
      protocol === "POP"
        ? ["ALLOWED", "POP_DISABLED", "LESS_SECURE_APPS_NOT_ALLOWED"]
        : ["ALLOWED", "IMAP_DISABLED", "CLIENT_NOT_ALLOWLISTED", "SERVICE_ACCOUNT_NOT_SUPPORTED", "OAUTH_REQUIRED"];
    for (const reason of adminReasons) expect(reasons).toContain(reason);
  });
});

// ---- single decisions, read as sentences -----------------------------------------------------------------------------

describe("decideAccess in plain cases", () => {
  it("allows an OAuth client over both protocols with the defaults", () => {
    const effective = effectiveOf([ou("/")]);
    for (const protocol of PROTOCOLS) {
      const decision = decideAccess(effective, "/", user(), protocol, oauth(UNLISTED_CLIENT_ID));
      expect(decision).toMatchObject({ allowed: true, reason: "ALLOWED", userNotified: null });
    }
  });

  it("refuses a password client by default: less secure apps are not allowed", () => {
    const decision = decideAccess(effectiveOf([ou("/")]), "/", user(), "IMAP", PASSWORD_CLIENT);
    expect(decision).toMatchObject({
      allowed: false,
      reason: "LESS_SECURE_APPS_NOT_ALLOWED",
      decidedBy: { setting: "LESS_SECURE_APPS", source: { kind: "DEFAULT", orgUnit: null } },
      userNotified: true,
    });
  });

  it("refuses IMAP silently when it is off, whatever the client", () => {
    const effective = setOnSales({ imapAccess: false });
    for (const client of [oauth(IOS_MAIL_CLIENT_ID), PASSWORD_CLIENT]) {
      const decision = decideAccess(effective, "/Sales", user(), "IMAP", client);
      expect(decision).toMatchObject({ allowed: false, reason: "IMAP_DISABLED", userNotified: false });
      expect(decision.explanation).toContain("fails silently");
    }
  });

  it("leaves POP alone when IMAP is restricted to listed clients", () => {
    const effective = setOnSales({
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] },
      lessSecureApps: true,
    });
    expect(decideAccess(effective, "/Sales", user(), "POP", oauth(UNLISTED_CLIENT_ID)).allowed).toBe(true);
    expect(decideAccess(effective, "/Sales", user(), "POP", PASSWORD_CLIENT).allowed).toBe(true);
    expect(decideAccess(effective, "/Sales", user(), "IMAP", PASSWORD_CLIENT).reason).toBe("OAUTH_REQUIRED");
  });

  it("with Gmail's default user settings, POP is refused by the user's own access window", () => {
    const decision = decideAccess(effectiveOf([ou("/")]), "/", DEFAULT_USER_SETTINGS, "POP", oauth(UNLISTED_CLIENT_ID));
    expect(decision).toMatchObject({
      allowed: false,
      reason: "USER_DISABLED_PROTOCOL",
      decidedBy: { setting: "USER_POP_ACCESS_WINDOW", source: null },
      userNotified: true,
    });
  });
});

describe("decideAccess explanations", () => {
  const root = ou("/");

  it("name the OU the deciding setting is set on", () => {
    const decision = decideAccess(setOnSales({ popAccess: false }), "/Sales", user(), "POP", oauth(UNLISTED_CLIENT_ID));
    expect(decision.explanation).toContain("POP access is off");
    expect(decision.explanation).toContain("(set on /Sales)");
    expect(decision.decidedBy.source).toMatchObject({ kind: "SET_HERE", orgUnit: { path: "/Sales" } });
  });

  it("name the ancestor the deciding setting is inherited from", () => {
    const chain = [ou("/", { imapAccess: false }), ou("/Sales"), ou("/Sales/EMEA")];
    const decision = decideAccess(effectiveOf(chain), "/Sales/EMEA", user(), "IMAP", oauth(UNLISTED_CLIENT_ID));
    expect(decision.explanation).toContain("(inherited from /)");
    expect(decision.decidedBy.source).toMatchObject({ kind: "INHERITED", orgUnit: { path: "/" } });
  });

  it("name an intermediate ancestor, not the root, when the value is set there", () => {
    const chain = [ou("/", { popAccess: true }), ou("/Sales", { popAccess: false }), ou("/Sales/EMEA")];
    const decision = decideAccess(effectiveOf(chain), "/Sales/EMEA", user(), "POP", oauth(UNLISTED_CLIENT_ID));
    expect(decision.explanation).toContain("(inherited from /Sales)");
  });

  it("say that the default decided, from the root down to the user's OU, when no OU sets the deciding setting", () => {
    const decision = decideAccess(effectiveOf([root, ou("/Sales")]), "/Sales", user(), "POP", PASSWORD_CLIENT);
    expect(decision.reason).toBe("LESS_SECURE_APPS_NOT_ALLOWED");
    expect(decision.explanation).toContain("(the default: no OU from / down to /Sales sets it)");
  });

  it("say where an allowing setting comes from too", () => {
    const decision = decideAccess(
      effectiveOf([root, ou("/Sales")]),
      "/Sales",
      user(),
      "IMAP",
      oauth(UNLISTED_CLIENT_ID),
    );
    expect(decision.explanation).toContain("IMAP access is on for any mail client");
    expect(decision.explanation).toContain("(the default: no OU from / down to /Sales sets it)");
  });

  it("name known mail clients by name", () => {
    const effective = setOnSales({
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL_CLIENT_ID] },
    });
    const allowed = decideAccess(effective, "/Sales", user(), "IMAP", oauth(IOS_MAIL_CLIENT_ID));
    expect(allowed.allowed).toBe(true);
    expect(allowed.explanation).toContain(`Apple iOS Mail (${IOS_MAIL_CLIENT_ID})`);
    expect(allowed.explanation).toContain("(set on /Sales)");

    const refused = decideAccess(effective, "/Sales", user(), "IMAP", oauth(MAC_MAIL_CLIENT_ID));
    expect(refused.reason).toBe("CLIENT_NOT_ALLOWLISTED");
    expect(refused.explanation).toContain(`Apple Mac Mail (${MAC_MAIL_CLIENT_ID})`);
  });

  it("name an unknown OAuth client by its id, and other clients by how they sign in", () => {
    const effective = setOnSales({ imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] } });
    expect(decideAccess(effective, "/Sales", user(), "IMAP", oauth(UNLISTED_CLIENT_ID)).explanation).toContain(
      `the OAuth client ${UNLISTED_CLIENT_ID}`,
    );
    expect(decideAccess(effective, "/Sales", user(), "IMAP", PASSWORD_CLIENT).explanation).toContain("password");
    const serviceAccount: MailClient = { authMethod: "SERVICE_ACCOUNT_DELEGATION", oauthClientId: LISTED_CLIENT_ID };
    expect(decideAccess(effective, "/Sales", user(), "IMAP", serviceAccount).explanation).toContain("service account");
  });

  it("explain the user's own settings without an OU", () => {
    const decision = decideAccess(
      setOnSales({}),
      "/Sales",
      user({ imapEnabled: false }),
      "IMAP",
      oauth(UNLISTED_CLIENT_ID),
    );
    expect(decision.explanation).toBe("The user has turned IMAP off in their own mail settings.");
    expect(decision.decidedBy).toEqual({ setting: "USER_IMAP_ENABLED", source: null });
  });
});

// ---- client validation ------------------------------------------------------------------------------------------------

describe("validateClient", () => {
  it("refuses an OAuth client without its client id", () => {
    for (const oauthClientId of [undefined, null, "", "   "]) {
      const message = badInputMessage(
        () => validateClient({ authMethod: "OAUTH", oauthClientId }),
        "client.oauthClientId",
      );
      expect(message).toContain("oauthClientId");
    }
  });

  it("names the field under the given prefix", () => {
    badInputMessage(() => validateClient({ authMethod: "OAUTH" }, "input.client"), "input.client.oauthClientId");
  });

  it("bounds the client id as sent, before trimming", () => {
    badInputMessage(
      () => validateClient({ authMethod: "PASSWORD", oauthClientId: " ".repeat(201) }),
      "client.oauthClientId",
    );
  });

  it("trims the client id", () => {
    expect(validateClient(oauth(`  ${IOS_MAIL_CLIENT_ID}\n`))).toEqual(oauth(IOS_MAIL_CLIENT_ID));
  });

  it("accepts clients that do not use OAuth without a client id", () => {
    expect(validateClient({ authMethod: "PASSWORD" })).toEqual({ authMethod: "PASSWORD", oauthClientId: null });
    expect(validateClient({ authMethod: "SERVICE_ACCOUNT_DELEGATION", oauthClientId: " " })).toEqual({
      authMethod: "SERVICE_ACCOUNT_DELEGATION",
      oauthClientId: null,
    });
  });
});

// ---- what the user may see and change (rule 5) --------------------------------------------------------------------------

describe("availableToUser", () => {
  it("shows POP and IMAP settings while the administrator allows both", () => {
    expect(availableToUser(effectiveOf([ou("/")]))).toEqual({
      popSettings: true,
      imapSettings: true,
      lessSecureAppsSetting: false,
    });
  });

  it("hides POP settings while POP is off", () => {
    expect(availableToUser(setOnSales({ popAccess: false }))).toMatchObject({ popSettings: false, imapSettings: true });
  });

  it("hides IMAP settings while IMAP is off, also when inherited", () => {
    const effective = effectiveOf([ou("/", { imapAccess: false }), ou("/Sales")]);
    expect(availableToUser(effective)).toMatchObject({ popSettings: true, imapSettings: false });
  });

  it("offers the less secure apps setting only while the administrator allows less secure apps", () => {
    expect(availableToUser(setOnSales({ lessSecureApps: true })).lessSecureAppsSetting).toBe(true);
    expect(availableToUser(setOnSales({ lessSecureApps: false })).lessSecureAppsSetting).toBe(false);
  });

  it("does not offer the less secure apps setting while neither POP nor IMAP is available", () => {
    const noProtocol = setOnSales({ lessSecureApps: true, popAccess: false, imapAccess: false });
    expect(availableToUser(noProtocol)).toEqual({
      popSettings: false,
      imapSettings: false,
      lessSecureAppsSetting: false,
    });
    expect(availableToUser(setOnSales({ lessSecureApps: true, popAccess: false })).lessSecureAppsSetting).toBe(true);
    expect(availableToUser(setOnSales({ lessSecureApps: true, imapAccess: false })).lessSecureAppsSetting).toBe(true);
  });
});

describe("unavailableUserSetting", () => {
  const allOff = setOnSales({ popAccess: false, imapAccess: false, lessSecureApps: false });

  it("finds nothing while everything is available", () => {
    const effective = setOnSales({ lessSecureApps: true });
    expect(
      unavailableUserSetting(effective, {
        imapEnabled: false,
        popAccessWindow: "ALL_MAIL",
        lessSecureAppsEnabled: true,
      }),
    ).toBeUndefined();
  });

  it("finds nothing when the change touches nothing unavailable", () => {
    expect(unavailableUserSetting(allOff, {})).toBeUndefined();
  });

  it("refuses the IMAP setting while IMAP is off", () => {
    expect(unavailableUserSetting(setOnSales({ imapAccess: false }), { imapEnabled: true })).toEqual({
      field: "imapEnabled",
      message: expect.stringContaining("IMAP access is turned off"),
    });
  });

  it("refuses the POP access window while POP is off", () => {
    expect(unavailableUserSetting(setOnSales({ popAccess: false }), { popAccessWindow: "FROM_NOW_ON" })).toEqual({
      field: "popAccessWindow",
      message: expect.stringContaining("POP access is turned off"),
    });
  });

  it("refuses the less secure apps setting while the administrator does not allow them", () => {
    expect(unavailableUserSetting(setOnSales({}), { lessSecureAppsEnabled: true })?.field).toBe(
      "lessSecureAppsEnabled",
    );
  });

  it("reports the first unavailable setting: IMAP, then POP, then less secure apps", () => {
    const everything = { imapEnabled: true, popAccessWindow: "ALL_MAIL", lessSecureAppsEnabled: true };
    expect(unavailableUserSetting(allOff, everything)?.field).toBe("imapEnabled");
    expect(unavailableUserSetting(allOff, { ...everything, imapEnabled: undefined })?.field).toBe("popAccessWindow");
  });
});
