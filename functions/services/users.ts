/** Users and what the settings mean for them: create, move, delete, their own settings, and access decisions. */
import {
  decideAccess,
  unavailableUserSetting,
  validateClient,
  type AccessDecision,
  type MailClient,
  type PopAccessWindow,
  type Protocol,
  type UserMailSettings,
} from "../domain/access-decision";
import { assertOrgUnitAccess, isSelf, maySeeUser } from "../domain/access";
import type { Actor } from "../domain/customer";
import type { Group } from "../domain/groups";
import type { OrgUnit } from "../domain/org-unit";
import { assertOwnDomain, normalizeEmail, userSettingChanges, validateUserName, type User } from "../domain/user";
import { ApiError, badInput, failedPrecondition, notFound, versionConflict } from "../errors";
import { countedDecision } from "../metrics";
import type { OrgUnitStore } from "../store/org-units/reads";
import type { UserStore } from "../store/users";
import { authorize } from "./authorization";
import { noChangePreview, userMovePreview, type ChangePreview } from "./impact";
import { requireOrgUnitFor, type OrgUnitNamed } from "./org-units";
import type { Request, WriteRequest } from "./request";
import { withRetries } from "./retry";
import { accessOf, type UserAccess } from "./user-access";
import { asSeenBy } from "./visibility";

/** At most this many users or decisions in one batch query. */
const MAX_BATCH = 100;

/** What a caller is told of a user that does not exist, or that lies outside its reach: the same. */
const noSuchUser = (field: string, email: string) => notFound(field, `No user with the address ${email}.`);

async function requireUser(users: UserStore, rawEmail: string, field = "email"): Promise<User> {
  const email = normalizeEmail(rawEmail, field);
  const user = await users.get(email);
  if (user === null) throw noSuchUser(field, email);
  return user;
}

/** The user's OU, read in one batch with the OUs of other users asked for in the same tick. */
async function orgUnitOf(orgUnits: OrgUnitStore, user: User): Promise<OrgUnit> {
  const orgUnit = await orgUnits.load(user.orgUnitId, user.orgUnitAncestorIds);
  if (orgUnit === null) throw new Error(`User ${user.email} belongs to a missing OU ${user.orgUnitId}`);
  return orgUnit;
}

/**
 * The user's OU, if the caller may see this user: an administrator within whose scope the user's OU lies, or the
 * signed-in person themselves (an OU administrator too, wherever their own mailbox is).
 */
async function visibleOrgUnitOf(request: Request, caller: Actor, user: User, field = "email"): Promise<OrgUnit> {
  if (!maySeeUser(caller, user.email)) throw noSuchUser(field, user.email);
  const orgUnit = await orgUnitOf(request.orgUnits, user);
  if (caller.role !== null && !isSelf(caller, user.email))
    assertOrgUnitAccess(caller, orgUnit, () => noSuchUser(field, user.email));
  return orgUnit;
}

/**
 * The signed-in caller's own user and its OU, or null for an API key or a person who is no user here. The sign-in
 * lookup found where the user is, so the user and that OU are read side by side, in one step; if the user has moved
 * since (or nothing was found), their OU is read after them.
 */
async function ownUser(request: Request, caller: Actor): Promise<{ user: User; orgUnit: OrgUnit } | null> {
  if (caller.kind === "API_KEY") return null;
  const placement = request.callerPlacement;
  const [user, placed] = await Promise.all([
    request.users.get(caller.id),
    placement === null ? null : request.orgUnits.load(placement.orgUnitId, placement.orgUnitAncestorIds),
  ]);
  if (user === null) return null;
  // The user's groups, for their effective settings, beside a read of their OU if one is still needed.
  request.groups.prefetchFor(user);
  return { user, orgUnit: placed?.id === user.orgUnitId ? placed : await orgUnitOf(request.orgUnits, user) };
}

/** `Viewer.user`: the signed-in person's own user; null for an API key or a person who is no user here. */
export async function viewerUser(request: Request, viewer: Actor): Promise<User | null> {
  return (await ownUser(request, viewer))?.user ?? null;
}

/**
 * Whether the caller may see `user` (an administrator whose reach covers the user's OU, or the user themselves). The
 * user's configuration groups are read in the same batch as the OU, for the user's effective settings.
 */
async function visible(request: Request, caller: Actor, user: User): Promise<boolean> {
  request.groups.prefetchFor(user);
  return visibleOrgUnitOf(request, caller, user).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ApiError && error.code === "NOT_FOUND") return false;
      throw error;
    },
  );
}

/** `User.orgUnit`: the user's OU; for the signed-in user themselves, only as much of it as a user sees. */
export async function userOrgUnit(request: Request, user: User): Promise<OrgUnit> {
  const caller = await request.caller();
  const orgUnit = await visibleOrgUnitOf(request, caller, user);
  return asSeenBy(request, orgUnit);
}

/** `User.effectiveMailAccess`: the user's OU's settings, overridden by the user's groups; 2 round trips in all. */
export async function userEffectiveMailAccess(
  request: Request,
  user: User,
): Promise<UserAccess & { settings: UserMailSettings }> {
  const caller = await request.caller();
  return { ...(await accessOf(request, user, visibleOrgUnitOf(request, caller, user))), settings: user.settings };
}

/**
 * `user(email)`: the user, or null; refused when the caller may not see them. The first read starts before the caller
 * is verified (the caller's key rides along with it); nothing is returned before the caller is.
 */
export async function findUser(request: Request, email: string): Promise<User | null> {
  const user = await request.users.get(normalizeEmail(email));
  const caller = await authorize(request, "SELF", "read users");
  return user !== null && (await visible(request, caller, user)) ? user : null;
}

/** `users(emails)`: one batch of users (the caller's key riding along), then one batch of their OUs. */
export async function getUsers(request: Request, rawEmails: readonly string[]): Promise<(User | null)[]> {
  if (rawEmails.length > MAX_BATCH)
    throw badInput("emails", `At most ${MAX_BATCH} users per query; got ${rawEmails.length}.`);
  const emails = rawEmails.map((email, index) => normalizeEmail(email, `emails[${index}]`));
  const found = await request.users.getMany(emails);
  const caller = await authorize(request, "READ", "read users");
  return Promise.all(
    emails.map(async (email) => {
      const user = found.get(email);
      return user !== undefined && (await visible(request, caller, user)) ? user : null;
    }),
  );
}

export async function createUser(
  request: WriteRequest,
  input: OrgUnitNamed & { email: string; name: string },
): Promise<User> {
  const caller = await authorize(request, "WRITE", "create users");
  const email = normalizeEmail(input.email);
  const name = validateUserName(input.name);
  assertOwnDomain(email, (await request.customer()).domains);
  const orgUnit = await requireOrgUnitFor(request, caller, input);
  const { change, user } = request.users.create(orgUnit, email, name);
  return request.work.commit([change], user);
}

/** A user's update (or its preview): the user after it, and what a move to another OU changes for them. */
export interface UserUpdate extends ChangePreview {
  user: User;
  dryRun: boolean;
}

/**
 * Renames a user or moves them to another OU. A move changes what the user may use: its impact (on this one user) and
 * warnings come with the result, and with `dryRun` it is only previewed.
 */
export async function updateUser(
  request: WriteRequest,
  input: OrgUnitNamed & {
    email: string;
    name?: string | null;
    expectedVersion?: number | null;
    dryRun?: boolean | null;
  },
): Promise<UserUpdate> {
  const caller = await authorize(request, "WRITE", "change users");
  const name = input.name == null ? undefined : validateUserName(input.name);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      const user = await requireUser(request.users, input.email);
      // The user's groups (none to read for most users) beside their OU: what they set does not move with the user.
      const groups = request.groups.inEffectFor(user);
      groups.catch(() => undefined);
      const from = await visibleOrgUnitOf(request, caller, user);
      const orgUnit =
        input.orgUnitPath == null && input.orgUnitId == null
          ? undefined
          : await requireOrgUnitFor(request, caller, input);
      const expectedVersion = input.expectedVersion ?? user.version;
      if (expectedVersion !== user.version)
        throw versionConflict(`The user ${user.email}`, expectedVersion, user.version);
      const renaming = name !== undefined && name !== user.name;
      const moving = orgUnit !== undefined && orgUnit.id !== user.orgUnitId;
      const preview = moving
        ? userMovePreview(request, from, orgUnit, user.settings, (await groups).groups)
        : noChangePreview();
      if ((!renaming && !moving) || dryRun) return { user, ...preview, dryRun };
      const updated = request.users.update(
        user,
        from,
        { name: name ?? user.name, ...(orgUnit === undefined ? {} : { orgUnit }) },
        expectedVersion,
      );
      return request.work.commit([updated.change], { user: updated.user, ...preview, dryRun });
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export async function deleteUser(
  request: WriteRequest,
  input: { email: string; expectedVersion?: number | null },
): Promise<User> {
  const caller = await authorize(request, "WRITE", "delete users");
  return withRetries(
    async () => {
      const user = await requireUser(request.users, input.email);
      const orgUnit = await visibleOrgUnitOf(request, caller, user);
      const change = request.users.delete(user, orgUnit, input.expectedVersion ?? user.version);
      // The user leaves its configuration groups with it (recorded by USER_DELETED).
      change.writes.push(...request.groupWrites.userDeleted(user));
      return request.work.commit([change], user);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/** A change of a user's own mail settings; what is left out stays as it is. */
interface MailSettingsInput {
  imapEnabled?: boolean | null;
  popAccessWindow?: PopAccessWindow | null;
  lessSecureAppsEnabled?: boolean | null;
  expectedVersion?: number | null;
}

/** The user after a change of their own settings (as it would leave them, for a dry run). */
export interface MailSettingsUpdate {
  user: User;
  changed: boolean;
  dryRun: boolean;
}

/**
 * Changes a user's own settings, each only while the administrator allows it for the user's OU; one transaction
 * writes the settings and an audit event per changed setting. A change that changes nothing writes nothing.
 */
export async function updateUserMailSettings(
  request: WriteRequest,
  input: MailSettingsInput & { email: string },
): Promise<User> {
  const caller = await authorize(request, "WRITE", "change users' mail settings");
  return withRetries(
    async () => {
      const user = await requireUser(request.users, input.email);
      const orgUnit = await visibleOrgUnitOf(request, caller, user);
      return saveMailSettings(request, user, orgUnit, input, false, (update) => update.user);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/**
 * `updateMyMailSettings`: a signed-in person changes their own mail settings, as in Gmail's settings page, with the
 * same rules as an administrator's change (only what the administrator makes available); audited with the person as
 * the actor. With `dryRun`, the user as the change would leave them, nothing written.
 */
export async function updateMyMailSettings(
  request: WriteRequest,
  input: MailSettingsInput & { dryRun?: boolean | null },
): Promise<MailSettingsUpdate> {
  const caller = await authorize(request, "PERSON", "change their own mail settings");
  return withRetries(
    async () => {
      const own = await ownUser(request, caller);
      if (own === null)
        throw new ApiError(
          "NOT_FOUND",
          `${caller.id} is no user of this organization, so has no mail settings of their own.`,
        );
      return saveMailSettings(request, own.user, own.orgUnit, input, input.dryRun ?? false, (update) => update);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/**
 * Saves (or previews) `input`'s change of `user`'s own settings: refused (FAILED_PRECONDITION naming the field) for a
 * setting the administrator does not make available on `orgUnit`, the user's OU; CONFLICT at another version. The
 * answer is `present`ed as the mutation answers (and an idempotent retry replays it).
 */
async function saveMailSettings<T>(
  request: WriteRequest,
  user: User,
  orgUnit: OrgUnit,
  input: MailSettingsInput,
  dryRun: boolean,
  present: (update: MailSettingsUpdate) => T,
): Promise<T> {
  const change = {
    ...(input.imapEnabled == null ? {} : { imapEnabled: input.imapEnabled }),
    ...(input.popAccessWindow == null ? {} : { popAccessWindow: input.popAccessWindow }),
    ...(input.lessSecureAppsEnabled == null ? {} : { lessSecureAppsEnabled: input.lessSecureAppsEnabled }),
  };
  // What the administrator allows the user: the OU's settings, overridden by the user's configuration groups.
  const { effective } = await accessOf(request, user, Promise.resolve(orgUnit));
  const unavailable = unavailableUserSetting(effective, change);
  if (unavailable !== undefined)
    throw failedPrecondition(`${unavailable.message} (OU ${orgUnit.path})`, { field: unavailable.field });
  const expectedVersion = input.expectedVersion ?? user.version;
  if (expectedVersion !== user.version) throw versionConflict(`The user ${user.email}`, expectedVersion, user.version);
  const settings = { ...user.settings, ...change };
  const changed = userSettingChanges(user.settings, settings).length > 0;
  if (!changed || dryRun) return present({ user: { ...user, settings }, changed, dryRun });
  const updated = request.users.updateSettings(user, orgUnit, settings, expectedVersion);
  return request.work.commit([updated.change], present({ user: updated.user, changed, dryRun }));
}

export interface DecisionInput {
  userEmail: string;
  protocol: Protocol;
  client: MailClient;
}

export type UserAccessDecision = AccessDecision<OrgUnit, Group> & { userEmail: string };

/**
 * Decisions for many (user, protocol, client) questions: one batch of users (the caller's key riding along), then
 * one batch of their OUs and configuration groups.
 */
export async function decideMailAccess(
  request: Request,
  inputs: readonly DecisionInput[],
  field = "inputs",
): Promise<UserAccessDecision[]> {
  if (inputs.length > MAX_BATCH)
    throw badInput(field, `At most ${MAX_BATCH} decisions per query; got ${inputs.length}.`);
  const questions = inputs.map((input, index) => {
    const prefix = inputs.length === 1 && field === "input" ? field : `${field}[${index}]`;
    return {
      userEmail: normalizeEmail(input.userEmail, `${prefix}.userEmail`),
      protocol: input.protocol,
      client: validateClient(input.client, `${prefix}.client`),
      field: `${prefix}.userEmail`,
    };
  });
  const users = await request.users.getMany(questions.map((q) => q.userEmail));
  const caller = await authorize(request, "READ", "ask for access decisions");
  return Promise.all(
    questions.map(async (question) => {
      const user = users.get(question.userEmail);
      if (user === undefined) throw noSuchUser(question.field, question.userEmail);
      const { orgUnit, effective } = await accessOf(
        request,
        user,
        visibleOrgUnitOf(request, caller, user, question.field),
      );
      return {
        userEmail: user.email,
        ...countedDecision(decideAccess(effective, orgUnit.path, user.settings, question.protocol, question.client)),
      };
    }),
  );
}

export interface UserListPage {
  users: User[];
  hasNextPage: boolean;
}

/**
 * Users of `orgUnit` by email; with `includeSubOrgUnits`, the users of its whole subtree, OU by OU in tree order
 * (OUs without users are skipped without a read). `after` is the position of the last user already returned.
 */
export async function listUsers(
  request: Request,
  orgUnit: OrgUnit,
  options: { first: number; after: { orgUnitId: string; email: string } | undefined; includeSubOrgUnits: boolean },
): Promise<UserListPage> {
  assertOrgUnitAccess(await request.caller(), orgUnit);
  const orgUnits = options.includeSubOrgUnits ? await request.orgUnits.subtree(orgUnit) : [orgUnit];
  const start = options.after === undefined ? 0 : orgUnits.findIndex((ou) => ou.id === options.after?.orgUnitId);
  if (start < 0) throw badInput("after", `"after" points into an OU that is no longer in this list.`);
  // The OUs' user counts say which OUs to read for a page: those are read in parallel, in waves (a count can be stale
  // by a concurrent change; each read asks for the whole rest of the page, and a short wave is followed by another).
  const candidates = orgUnits.slice(start);
  const users: User[] = [];
  let next = 0;
  while (next < candidates.length) {
    const need = options.first - users.length;
    const wave: number[] = [];
    for (let expected = 0; next < candidates.length && expected < need; next += 1) {
      const count = (candidates[next] as OrgUnit).userCount;
      if (count > 0 || (next === 0 && options.after !== undefined)) wave.push(next);
      expected += count;
    }
    const pages = await Promise.all(
      wave.map((index) =>
        request.users.listByOrgUnit(
          (candidates[index] as OrgUnit).id,
          need,
          index === 0 ? options.after?.email : undefined,
        ),
      ),
    );
    for (const [position, page] of pages.entries()) {
      const taken = page.users.slice(0, options.first - users.length);
      users.push(...taken);
      if (users.length === options.first) {
        const after = (wave[position] as number) + 1;
        const more =
          taken.length < page.users.length ||
          page.hasNextPage ||
          candidates.slice(after).some((ou) => ou.userCount > 0);
        return { users, hasNextPage: more };
      }
    }
  }
  return { users, hasNextPage: false };
}
