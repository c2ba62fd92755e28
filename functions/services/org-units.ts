/** The OU tree's verbs: find, create, update (rename, move, describe), delete — input checked, rules applied, store called. */
import {
  assertCanHaveChild,
  assertNotRoot,
  parsePath,
  validateMove,
  validateName,
  type OrgUnit,
} from "../domain/org-unit";
import { badInput, failedPrecondition, notFound } from "../errors";
import { assertOrgUnitAccess } from "../domain/access";
import type { Actor } from "../domain/customer";
import type { WriteContext } from "../store/audit";
import type { OrgUnitStore } from "../store/org-units";
import { withRetries } from "./retry";

/** What the OU verbs need: the request's store, and who writes. */
export interface OrgUnitContext {
  orgUnits: OrgUnitStore;
  write: WriteContext;
  actor: Actor;
}

/** An OU read on behalf of `actor`: refused (FORBIDDEN) when outside the actor's scope. */
export async function requireOrgUnitFor(
  ctx: { orgUnits: OrgUnitStore; actor: Actor },
  ref: OrgUnitRef,
  fields = { id: "id", path: "path" },
): Promise<OrgUnit> {
  const orgUnit = await requireOrgUnit(ctx.orgUnits, ref, fields);
  assertOrgUnitAccess(ctx.actor, orgUnit);
  return orgUnit;
}

/** Like findOrgUnit, but refusing an OU outside the actor's scope. */
export async function findOrgUnitFor(
  ctx: { orgUnits: OrgUnitStore; actor: Actor },
  ref: OrgUnitRef,
): Promise<OrgUnit | null> {
  const orgUnit = await findOrgUnit(ctx.orgUnits, ref);
  if (orgUnit !== null) assertOrgUnitAccess(ctx.actor, orgUnit);
  return orgUnit;
}

/** An OU named by exactly one of its id and its path, as in most inputs. */
export interface OrgUnitRef {
  id?: string | null;
  path?: string | null;
}

/** Reads the OU `ref` names, or null; `fields` name the input fields for error messages. */
export async function findOrgUnit(
  store: OrgUnitStore,
  ref: OrgUnitRef,
  fields = { id: "id", path: "path" },
): Promise<OrgUnit | null> {
  const hasId = ref.id !== undefined && ref.id !== null;
  const hasPath = ref.path !== undefined && ref.path !== null;
  if (hasId === hasPath)
    throw badInput(
      hasId ? fields.path : fields.id,
      `Name the organizational unit by exactly one of "${fields.id}" and "${fields.path}".`,
    );
  if (hasId) return store.getById(ref.id as string);
  parsePath(ref.path as string, fields.path);
  return store.getByPath(ref.path as string);
}

export async function requireOrgUnit(
  store: OrgUnitStore,
  ref: OrgUnitRef,
  fields = { id: "id", path: "path" },
): Promise<OrgUnit> {
  const orgUnit = await findOrgUnit(store, ref, fields);
  if (orgUnit !== null) return orgUnit;
  const field = ref.id === undefined || ref.id === null ? fields.path : fields.id;
  throw notFound(
    field,
    `No organizational unit ${field === fields.id ? `with id "${ref.id}"` : `at path "${ref.path}"`}.`,
  );
}

export async function createOrgUnit(
  { orgUnits: store, write, actor }: OrgUnitContext,
  input: { parentPath: string; name: string; description?: string | null },
): Promise<OrgUnit> {
  const name = validateName(input.name);
  return withRetries(
    store,
    async () => {
      const parent = await requireOrgUnitFor(
        { orgUnits: store, actor },
        { path: input.parentPath },
        { id: "parentPath", path: "parentPath" },
      );
      assertCanHaveChild(parent);
      return store.create(parent, name, normalizeDescription(input.description), write);
    },
    { retryVersionConflicts: false },
  );
}

export async function updateOrgUnit(
  { orgUnits: store, write, actor }: OrgUnitContext,
  input: OrgUnitRef & {
    name?: string | null;
    description?: string | null;
    parentPath?: string | null;
    expectedVersion?: number | null;
  },
): Promise<OrgUnit> {
  const newName = input.name === undefined || input.name === null ? undefined : validateName(input.name);
  if (input.parentPath !== undefined && input.parentPath !== null) parsePath(input.parentPath, "parentPath");
  return withRetries(
    store,
    async () => {
      let orgUnit = await requireOrgUnitFor({ orgUnits: store, actor }, input);
      const expectedVersion = input.expectedVersion ?? orgUnit.version;
      const newParent =
        input.parentPath === undefined || input.parentPath === null
          ? undefined
          : await requireOrgUnitFor(
              { orgUnits: store, actor },
              { path: input.parentPath },
              { id: "parentPath", path: "parentPath" },
            );
      const renaming = newName !== undefined && newName !== orgUnit.name;
      const moving = newParent !== undefined && newParent.id !== orgUnit.parentId;
      const description = input.description === undefined ? undefined : normalizeDescription(input.description);
      const describing = description !== undefined && description !== orgUnit.description;
      if (renaming || moving) {
        assertNotRoot(orgUnit, moving ? "moved" : "renamed");
        const parent = newParent ?? (orgUnit.ancestors.at(-1) as OrgUnit);
        // What the read already shows is refused before the tree is locked; the subtree's height is checked under the lock.
        if (moving) validateMove(orgUnit, parent, 0);
        const moved = orgUnit;
        // A new description goes into the same commit, so the whole update is one write.
        orgUnit = await store.restructure(
          orgUnit,
          { newName: newName ?? orgUnit.name, newParent: parent, ...(describing ? { description } : {}) },
          expectedVersion,
          (height) => (moving ? validateMove(moved, parent, height) : undefined),
          write,
        );
      } else if (describing) {
        orgUnit = await store.updateDescription(orgUnit, description, expectedVersion, write);
      }
      return orgUnit;
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export async function deleteOrgUnit(
  { orgUnits: store, write, actor }: OrgUnitContext,
  input: OrgUnitRef & { expectedVersion?: number | null },
): Promise<OrgUnit> {
  return withRetries(
    store,
    async () => {
      const orgUnit = await requireOrgUnitFor({ orgUnits: store, actor }, input);
      assertNotRoot(orgUnit, "deleted");
      if (orgUnit.childCount > 0)
        throw failedPrecondition(
          `"${orgUnit.path}" still has ${orgUnit.childCount} child organizational unit(s); delete or move them first.`,
        );
      if (orgUnit.userCount > 0)
        throw failedPrecondition(
          `"${orgUnit.path}" still has ${orgUnit.userCount} user(s); delete or move them first.`,
        );
      await store.delete(orgUnit, input.expectedVersion ?? orgUnit.version, write);
      return orgUnit;
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

function normalizeDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim();
  return trimmed === undefined || trimmed === "" ? null : trimmed;
}
