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
import { assertOrgUnitAccess, assertUserAccess } from "../domain/access";
import type { Actor, Customer } from "../domain/customer";
import type { EffectiveMailAccess } from "../domain/mail-access";
import type { OrgUnit } from "../domain/org-unit";
import { assertOwnDomain, normalizeEmail, userSettingChanges, validateUserName } from "../domain/user";
import { badInput, conflict, failedPrecondition, notFound } from "../errors";
import type { WriteContext } from "../store/audit";
import type { OrgUnitStore } from "../store/org-units";
import type { User, UserStore } from "../store/users";
import { effectiveMailAccessOf } from "./mail-access";
import { requireOrgUnitFor } from "./org-units";
import { withRetries } from "./retry";

/** What a request needs to work with users. */
export interface UserContext {
  actor: Actor;
  orgUnits: OrgUnitStore;
  users: UserStore;
  write: WriteContext;
  now: () => Date;
  customer: () => Promise<Customer>;
}

/** At most this many users or decisions in one batch query. */
export const MAX_BATCH = 100;

export async function requireUser(users: UserStore, rawEmail: string, field = "email"): Promise<User> {
  const email = normalizeEmail(rawEmail, field);
  const user = await users.get(email);
  if (user === null) throw notFound(field, `No user with the address ${email}.`);
  return user;
}

/** The user's OU, read in one batch with the OUs of other users asked for in the same tick. */
export async function orgUnitOf(orgUnits: OrgUnitStore, user: User): Promise<OrgUnit> {
  const orgUnit = await orgUnits.load(user.orgUnitId, user.orgUnitAncestorIds);
  if (orgUnit === null) throw new Error(`User ${user.email} belongs to a missing OU ${user.orgUnitId}`);
  return orgUnit;
}

/**
 * The user's OU, if the actor may see this user: an administrator within whose scope the user's OU lies, or the
 * signed-in user themselves.
 */
export async function visibleOrgUnitOf(ctx: { orgUnits: OrgUnitStore; actor: Actor }, user: User): Promise<OrgUnit> {
  assertUserAccess(ctx.actor, user.email);
  const orgUnit = await orgUnitOf(ctx.orgUnits, user);
  if (ctx.actor.role !== null) assertOrgUnitAccess(ctx.actor, orgUnit);
  return orgUnit;
}

export async function userEffectiveMailAccess(
  ctx: Pick<UserContext, "orgUnits" | "now" | "actor">,
  user: User,
): Promise<{ effective: EffectiveMailAccess<OrgUnit>; settings: UserMailSettings }> {
  return { effective: effectiveMailAccessOf(await visibleOrgUnitOf(ctx, user), ctx.now()), settings: user.settings };
}

/** The user at `email`, or null; refused when the actor may not see them. */
export async function findUser(
  ctx: Pick<UserContext, "orgUnits" | "users" | "actor">,
  email: string,
): Promise<User | null> {
  const user = await ctx.users.get(normalizeEmail(email));
  if (user !== null) await visibleOrgUnitOf(ctx, user);
  return user;
}

export async function getUsers(
  ctx: Pick<UserContext, "orgUnits" | "users" | "actor">,
  rawEmails: readonly string[],
): Promise<(User | null)[]> {
  const users = ctx.users;
  if (rawEmails.length > MAX_BATCH)
    throw badInput("emails", `At most ${MAX_BATCH} users per query; got ${rawEmails.length}.`);
  const emails = rawEmails.map((email, index) => normalizeEmail(email, `emails[${index}]`));
  const found = await users.getMany(emails);
  await Promise.all([...found.values()].map((user) => visibleOrgUnitOf(ctx, user)));
  return emails.map((email) => found.get(email) ?? null);
}

export async function createUser(
  ctx: UserContext,
  input: { email: string; orgUnitPath: string; name: string },
): Promise<User> {
  const email = normalizeEmail(input.email);
  const name = validateUserName(input.name);
  assertOwnDomain(email, (await ctx.customer()).domains);
  const orgUnit = await requireOrgUnitFor(ctx, { path: input.orgUnitPath }, { id: "orgUnitPath", path: "orgUnitPath" });
  return ctx.users.create(orgUnit, email, name, ctx.write);
}

export async function updateUser(
  ctx: UserContext,
  input: { email: string; orgUnitPath?: string | null; name?: string | null; expectedVersion?: number | null },
): Promise<User> {
  const name = input.name == null ? undefined : validateUserName(input.name);
  return withRetries(
    ctx.orgUnits,
    async () => {
      const user = await requireUser(ctx.users, input.email);
      await visibleOrgUnitOf(ctx, user);
      const orgUnit =
        input.orgUnitPath == null
          ? undefined
          : await requireOrgUnitFor(ctx, { path: input.orgUnitPath }, { id: "orgUnitPath", path: "orgUnitPath" });
      const expectedVersion = input.expectedVersion ?? user.version;
      if (expectedVersion !== user.version) throw staleUser(user, expectedVersion);
      const renaming = name !== undefined && name !== user.name;
      if (!renaming && (orgUnit === undefined || orgUnit.id === user.orgUnitId)) return user;
      return ctx.users.update(
        user,
        { name: name ?? user.name, ...(orgUnit === undefined ? {} : { orgUnit }) },
        expectedVersion,
        ctx.write,
      );
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export async function deleteUser(
  ctx: UserContext,
  input: { email: string; expectedVersion?: number | null },
): Promise<User> {
  return withRetries(
    ctx.orgUnits,
    async () => {
      const user = await requireUser(ctx.users, input.email);
      await visibleOrgUnitOf(ctx, user);
      await ctx.users.delete(user, input.expectedVersion ?? user.version, ctx.write);
      return user;
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/**
 * Changes a user's own settings, each only while the administrator allows it for the user's OU; one transaction
 * writes the settings and an audit event per changed setting. A change that changes nothing writes nothing.
 */
export async function updateUserMailSettings(
  ctx: UserContext,
  input: {
    email: string;
    imapEnabled?: boolean | null;
    popAccessWindow?: PopAccessWindow | null;
    lessSecureAppsEnabled?: boolean | null;
    expectedVersion?: number | null;
  },
): Promise<User> {
  const change = {
    ...(input.imapEnabled == null ? {} : { imapEnabled: input.imapEnabled }),
    ...(input.popAccessWindow == null ? {} : { popAccessWindow: input.popAccessWindow }),
    ...(input.lessSecureAppsEnabled == null ? {} : { lessSecureAppsEnabled: input.lessSecureAppsEnabled }),
  };
  return withRetries(
    ctx.orgUnits,
    async () => {
      const user = await requireUser(ctx.users, input.email);
      const orgUnit = await visibleOrgUnitOf(ctx, user);
      const unavailable = unavailableUserSetting(effectiveMailAccessOf(orgUnit, ctx.now()), change);
      if (unavailable !== undefined)
        throw failedPrecondition(`${unavailable.message} (OU ${orgUnit.path})`, { field: unavailable.field });
      const expectedVersion = input.expectedVersion ?? user.version;
      if (expectedVersion !== user.version) throw staleUser(user, expectedVersion);
      const settings = { ...user.settings, ...change };
      const changes = userSettingChanges(user.settings, settings);
      if (changes.length === 0) return user;
      return ctx.users.updateSettings(
        user,
        settings,
        expectedVersion,
        ctx.write,
        changes.map((entry) => ({ ...entry, orgUnitId: orgUnit.id, orgUnitPath: orgUnit.path, userEmail: user.email })),
      );
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export interface DecisionInput {
  userEmail: string;
  protocol: Protocol;
  client: MailClient;
}

export type UserAccessDecision = AccessDecision<OrgUnit> & { userEmail: string };

/** Decisions for many (user, protocol, client) questions: one batch of users, then one batch of their OUs. */
export async function decideMailAccess(
  ctx: Pick<UserContext, "orgUnits" | "users" | "now" | "actor">,
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
  const users = await ctx.users.getMany(questions.map((q) => q.userEmail));
  return Promise.all(
    questions.map(async (question) => {
      const user = users.get(question.userEmail);
      if (user === undefined) throw notFound(question.field, `No user with the address ${question.userEmail}.`);
      const orgUnit = await visibleOrgUnitOf(ctx, user);
      const effective = effectiveMailAccessOf(orgUnit, ctx.now());
      return {
        userEmail: user.email,
        ...decideAccess(effective, orgUnit.path, user.settings, question.protocol, question.client),
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
  ctx: Pick<UserContext, "orgUnits" | "users">,
  orgUnit: OrgUnit,
  options: { first: number; after: { orgUnitId: string; email: string } | undefined; includeSubOrgUnits: boolean },
): Promise<UserListPage> {
  const orgUnits = options.includeSubOrgUnits ? await ctx.orgUnits.subtree(orgUnit) : [orgUnit];
  orgUnits.forEach((ou) => ctx.orgUnits.prime(ou));
  const start = options.after === undefined ? 0 : orgUnits.findIndex((ou) => ou.id === options.after?.orgUnitId);
  if (start < 0) throw badInput("after", `"after" points into an OU that is no longer in this list.`);
  const users: User[] = [];
  for (const [index, ou] of orgUnits.slice(start).entries()) {
    if (ou.userCount === 0) continue;
    const afterEmail = index === 0 ? options.after?.email : undefined;
    const page = await ctx.users.listByOrgUnit(ou.id, options.first - users.length, afterEmail);
    users.push(...page.users);
    if (users.length === options.first) {
      const more = page.hasNextPage || orgUnits.slice(start + index + 1).some((next) => next.userCount > 0);
      return { users, hasNextPage: more };
    }
  }
  return { users, hasNextPage: false };
}

function staleUser(user: User, expectedVersion: number) {
  return conflict(`The user ${user.email} is at version ${user.version}, not ${expectedVersion}.`, {
    field: "expectedVersion",
    currentVersion: user.version,
  });
}
