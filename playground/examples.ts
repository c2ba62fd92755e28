/**
 * The playground's example tabs. They run against the demo organization `npm start` seeds (functions/local/demo-data.ts),
 * and test/integration/playground-examples.test.ts runs every operation in them, so they cannot rot.
 */

export interface Example {
  /** Shown nowhere but in tests; GraphiQL titles a tab by its first operation. */
  title: string;
  query: string;
  variables?: string;
}

const APPLE_IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const APPLE_MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";

const source = "source { kind orgUnit { path } }";
const groupSource = "source { kind orgUnit { path } group { name } }";

export const examples: Example[] = [
  {
    title: "Look at the root OU",
    query: `# Welcome to the mail-access-api playground.
#
# Run an operation with the ▶ button or Ctrl-Enter
# (with several in a tab, the one under the cursor runs).
# The book icon on the left browses the schema documentation.
# Requests carry an API key in the x-api-key header (see Headers).
#
# Each tab is one example, on the demo organization: OUs /Sales,
# /Sales/EMEA, /Engineering; users ana@example.com (/Sales/EMEA)
# and ben@example.com (/Engineering).

query RootOrgUnit {
  orgUnit(orgUnitPath: "/") {
    id
    path
    name
    children(first: 10) {
      nodes {
        path
      }
    }
    # Chosen on the root itself (null: not set, the product default applies).
    mailAccessPolicy {
      popAccess
      imapAccess
      lessSecureApps
      imapClientAccess {
        mode
        allowedOAuthClientIds
      }
    }
    # In force for the root's users, each with where it comes from.
    effectiveMailAccess {
      popAccess { enabled ${source} }
      imapAccess { enabled ${source} }
      imapClientAccess { mode ${source} }
      lessSecureApps { enabled ${source} }
    }
  }
  knownMailClients {
    name
    clientId
  }
}
`,
  },
  {
    title: "Override IMAP on a child OU",
    query: `# Inheritance: /Sales/EMEA inherits IMAP access from /Sales,
# which inherits it from the root.
# 1. Run EmeaImap: IMAP is on, from the DEFAULT.
# 2. Run TurnImapOffOnSales: /Sales now sets IMAP to OFF;
#    read the warnings and the impact.
# 3. Run EmeaImap again: IMAP is off, INHERITED from /Sales.
# 4. Run InheritImapOnSales to undo: /Sales inherits again.

query EmeaImap {
  orgUnit(orgUnitPath: "/Sales/EMEA") {
    path
    effectiveMailAccess {
      imapAccess { enabled ${source} }
    }
  }
}

mutation TurnImapOffOnSales {
  updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) {
    changed
    mailAccessPolicy { imapAccess }
    warnings { code message }
    impact {
      usersLosingImap
      changedOrgUnits(first: 10) {
        totalCount
        nodes { orgUnit { path } changedSettings userCount }
      }
    }
  }
}

mutation InheritImapOnSales {
  updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: INHERIT }) {
    changed
    mailAccessPolicy { imapAccess }
    effectiveMailAccess {
      imapAccess { enabled ${source} }
    }
  }
}
`,
  },
  {
    title: "Restrict IMAP to Apple iOS Mail",
    query: `# Restrict IMAP on an OU to listed OAuth clients: here Apple iOS
# Mail only (see Variables).
# 1. PreviewRestriction: with dryRun nothing is written; read the
#    warnings.
# 2. RestrictImap saves it; AllowAnyClient undoes it.

mutation PreviewRestriction($orgUnitPath: String!, $clientIds: [String!]!) {
  updateMailAccessPolicy(
    input: {
      orgUnitPath: $orgUnitPath
      imapClientAccess: { mode: OAUTH_ALLOWLIST, allowedOAuthClientIds: $clientIds }
      dryRun: true
    }
  ) {
    dryRun
    changed
    warnings { code message }
    effectiveMailAccess {
      imapClientAccess { mode allowedOAuthClients { clientId name } ${source} }
    }
  }
}

mutation RestrictImap($orgUnitPath: String!, $clientIds: [String!]!) {
  updateMailAccessPolicy(
    input: {
      orgUnitPath: $orgUnitPath
      imapClientAccess: { mode: OAUTH_ALLOWLIST, allowedOAuthClientIds: $clientIds }
    }
  ) {
    changed
    orgUnit { path version }
    effectiveMailAccess {
      imapClientAccess { mode allowedOAuthClients { clientId name } ${source} }
    }
    propagation { completeBy pending }
  }
}

mutation AllowAnyClient($orgUnitPath: String!) {
  updateMailAccessPolicy(input: { orgUnitPath: $orgUnitPath, imapClientAccess: { mode: INHERIT } }) {
    changed
    effectiveMailAccess {
      imapClientAccess { mode ${source} }
    }
  }
}
`,
    variables: JSON.stringify({ orgUnitPath: "/Sales/EMEA", clientIds: [APPLE_IOS_MAIL] }, null, 2),
  },
  {
    title: "Ask for an access decision",
    query: `# May ana@example.com (in /Sales/EMEA) use these mail clients?
# Each answer names the deciding rule and the OU it comes from.
# Try it before and after restricting IMAP in the previous tab.

query AccessDecisions($user: String!) {
  iosMail: mailAccessDecision(
    input: { userEmail: $user, protocol: IMAP, client: { authMethod: OAUTH, oauthClientId: "${APPLE_IOS_MAIL}" } }
  ) {
    ...Decision
  }
  macMail: mailAccessDecision(
    input: { userEmail: $user, protocol: IMAP, client: { authMethod: OAUTH, oauthClientId: "${APPLE_MAC_MAIL}" } }
  ) {
    ...Decision
  }
  passwordPop: mailAccessDecision(input: { userEmail: $user, protocol: POP, client: { authMethod: PASSWORD } }) {
    ...Decision
  }
}

fragment Decision on MailAccessDecision {
  allowed
  reason
  explanation
  decidedBy { setting ${source} }
  userNotified
  propagationPending
}
`,
    variables: JSON.stringify({ user: "ana@example.com" }, null, 2),
  },
  {
    title: "Read the audit log",
    query: `# Every saved change, newest first: the setting, old and new value,
# the OU's path at the time, who made it, and in which request.
# Run it after the examples in the other tabs.

query AuditLog {
  auditEvents(first: 20) {
    nodes {
      time
      action
      setting
      oldValue
      newValue
      orgUnitPath
      userEmail
      actor { kind id name }
      requestId
    }
    pageInfo { hasNextPage endCursor }
  }
}

# The same for one OU and everything below it.
query SalesAuditLog {
  orgUnit(orgUnitPath: "/Sales") {
    path
    auditEvents(includeSubOrgUnits: true, first: 20) {
      nodes { time action setting oldValue newValue orgUnitPath }
    }
  }
}
`,
  },
  {
    title: "An exception for a group of people",
    query: `# Configuration groups: an exception to an OU's settings without
# moving anyone. IMAP goes off for /Sales, and stays on for the group
# imap-exceptions, which holds ana@example.com (in /Sales/EMEA).
# A group's setting overrides the OU's, setting by setting; between
# groups, the one higher in the priority order wins.
# 1. ImapException: ana's IMAP, where it comes from, her groups.
# 2. TurnImapOffForSales: ana loses IMAP with the rest of /Sales.
# 3. CreateImapExceptions, then TurnImapOnForTheGroup.
# 4. AddAna: the impact says she gains IMAP. Run ImapException again:
#    IMAP is on, from the GROUP; the decision names it.
# 5. Undo: DeleteImapExceptions (force: the group has a member and a
#    setting), then InheritImapForSales.

query ImapException {
  user(email: "ana@example.com") {
    email
    orgUnit { path }
    effectiveMailAccess {
      imap { allowedByAdministrator ${groupSource} }
      orgUnitSettings { imapAccess { enabled ${source} } }
    }
    groups { nodes { direct group { name priority } } }
  }
  iosMail: mailAccessDecision(
    input: { userEmail: "ana@example.com", protocol: IMAP, client: { authMethod: OAUTH, oauthClientId: "${APPLE_IOS_MAIL}" } }
  ) {
    allowed
    reason
    explanation
    decidedBy { setting ${groupSource} }
  }
}

mutation TurnImapOffForSales {
  updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) {
    changed
    impact { usersLosingImap }
  }
}

mutation CreateImapExceptions {
  createGroup(input: { name: "imap-exceptions", description: "People of /Sales who keep IMAP" }) {
    group { id name priority }
  }
}

mutation TurnImapOnForTheGroup {
  updateGroupMailAccessPolicy(input: { groupName: "imap-exceptions", imapAccess: ON }) {
    changed
    mailAccessPolicy { imapAccess }
    warnings { code message }
  }
}

mutation AddAna {
  addGroupMembers(input: { groupName: "imap-exceptions", userEmails: ["ana@example.com"] }) {
    changed
    group { name userMemberCount }
    impact { membersReached usersGainingImap }
  }
}

mutation DeleteImapExceptions {
  deleteGroup(input: { groupName: "imap-exceptions", force: true }) {
    name
    impact { membersReached usersLosingImap }
  }
}

mutation InheritImapForSales {
  updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: INHERIT }) {
    changed
  }
}
`,
  },
];
