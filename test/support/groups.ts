/** Shared pieces of the configuration group tests (issue 14): groups, members and settings through the API. */
import type { Api } from "./partner";

export const CREATE_GROUP = `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id name priority version } } }`;
export const ADD_MEMBERS = `mutation ($input: GroupMembersInput!) {
  addGroupMembers(input: $input) { changed dryRun group { userMemberCount groupMemberCount }
    impact { membersReached usersWithChangedSettings usersGainingImap usersLosingImap usersGainingPop usersLosingPop
      usersCutOffFromImap usersCutOffFromPop usersWithFewerImapClients }
    warnings { code } } }`;
export const REMOVE_MEMBERS = ADD_MEMBERS.replace("addGroupMembers", "removeGroupMembers");
export const GROUP_POLICY = `mutation ($input: UpdateGroupMailAccessPolicyInput!) {
  updateGroupMailAccessPolicy(input: $input) { changed dryRun group { id version }
    mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } }
    impact { membersReached usersWithChangedSettings usersGainingImap usersLosingImap usersGainingPop usersLosingPop
      usersCutOffFromImap usersCutOffFromPop usersWithFewerImapClients }
    warnings { code } } }`;
export const SET_PRIORITY = `mutation ($input: SetGroupPriorityInput!) {
  setGroupPriority(input: $input) { priority changed dryRun impact { membersReached usersGainingImap usersLosingImap } } }`;
export const DELETE_GROUP = `mutation ($input: DeleteGroupInput!) {
  deleteGroup(input: $input) { deletedGroupId name requiresForce dryRun
    impact { membersReached usersWithChangedSettings usersGainingImap usersLosingImap usersGainingPop usersLosingPop }
    warnings { code } } }`;

export const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";

/** Creates a group, with settings (the input of updateGroupMailAccessPolicy) and members if given; returns its id. */
export async function createGroup(
  api: Api,
  name: string,
  options: { policy?: Record<string, unknown>; users?: string[]; groups?: string[] } = {},
): Promise<string> {
  const id = (await api.ok(CREATE_GROUP, { input: { name } })).createGroup.group.id as string;
  if (options.policy !== undefined) await api.ok(GROUP_POLICY, { input: { groupId: id, ...options.policy } });
  if ((options.users?.length ?? 0) + (options.groups?.length ?? 0) > 0)
    await api.ok(ADD_MEMBERS, { input: { groupId: id, userEmails: options.users, groupIds: options.groups } });
  return id;
}

const SOURCE = "source { kind orgUnit { path } group { name } }";

/** The user's IMAP and POP as the administrator allows them, each with its source as "GROUP name" / "KIND /path". */
export async function adminAccess(api: Api, email: string) {
  const data = await api.ok(
    `query ($email: String!) { user(email: $email) { effectiveMailAccess {
      imap { allowedByAdministrator ${SOURCE} } pop { allowedByAdministrator ${SOURCE} } } } }`,
    { email },
  );
  const shown = (access: any) => ({
    allowed: access.allowedByAdministrator as boolean,
    source:
      access.source.kind === "GROUP"
        ? `GROUP ${access.source.group.name}`
        : access.source.kind === "DEFAULT"
          ? "DEFAULT"
          : `${access.source.kind} ${access.source.orgUnit.path}`,
  });
  return { imap: shown(data.user.effectiveMailAccess.imap), pop: shown(data.user.effectiveMailAccess.pop) };
}

export const decisionQuery = `query ($input: MailAccessDecisionInput!) {
  mailAccessDecision(input: $input) { allowed reason explanation decidedBy { setting ${SOURCE} } } }`;

/** The IMAP decision for Apple iOS Mail for `email`. */
export async function iosImapDecision(api: Api, email: string) {
  return (
    await api.ok(decisionQuery, {
      input: { userEmail: email, protocol: "IMAP", client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL } },
    })
  ).mailAccessDecision;
}
