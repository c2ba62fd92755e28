/** The OU tree's verbs: find, list, create, update (rename, move, describe), delete — authorized, checked, committed. */
import { assertNotOwnScope, assertOrgUnitAccess, withinReach } from "../domain/access";
import type { Actor } from "../domain/customer";
import {
  assertCanHaveChild,
  assertNotRoot,
  assertPathFits,
  joinPath,
  parsePath,
  validateMove,
  validateName,
  viewsBelow,
  type OrgUnit,
} from "../domain/org-unit";
import { cleanText, quoted } from "../domain/text";
import { badInput, failedPrecondition, notFound, versionConflict } from "../errors";
import type { ChildPage, OrgUnitStore } from "../store/org-units/reads";
import { authorize } from "./authorization";
import { noChangePreview, orgUnitMovePreview, prefetchGroupsForPreview, type ChangePreview } from "./impact";
import type { Request, WriteRequest } from "./request";
import { withRetries } from "./retry";

/** An OU named by exactly one of its id and its path. */
interface OrgUnitRef {
  id?: string | null;
  path?: string | null;
}

/** The input fields that name an OU, for error messages. */
interface RefFields {
  id: string;
  path: string;
}

/** How every input names an OU: `orgUnitId` or `orgUnitPath`. */
export interface OrgUnitNamed {
  orgUnitId?: string | null;
  orgUnitPath?: string | null;
}

/** How an input names a parent OU: `parentOrgUnitId` or `parentOrgUnitPath`. */
interface ParentNamed {
  parentOrgUnitId?: string | null;
  parentOrgUnitPath?: string | null;
}

const REF_FIELDS: RefFields = { id: "orgUnitId", path: "orgUnitPath" };
const PARENT_FIELDS: RefFields = { id: "parentOrgUnitId", path: "parentOrgUnitPath" };

const refOf = (input: OrgUnitNamed): OrgUnitRef => ({ id: input.orgUnitId, path: input.orgUnitPath });
const parentRefOf = (input: ParentNamed): OrgUnitRef => ({ id: input.parentOrgUnitId, path: input.parentOrgUnitPath });
const names = (ref: OrgUnitRef) => (ref.id ?? ref.path ?? null) !== null;

/** Reads the OU `ref` names, or null. */
async function findOrgUnit(
  store: OrgUnitStore,
  ref: OrgUnitRef,
  fields: RefFields = REF_FIELDS,
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

/** What a caller is told of an OU `ref` names that does not exist, or that lies outside its reach: the same. */
function noSuchOrgUnit(ref: OrgUnitRef, fields: RefFields) {
  const byId = ref.id !== undefined && ref.id !== null;
  return notFound(
    byId ? fields.id : fields.path,
    `No organizational unit ${byId ? `with id ${quoted(String(ref.id))}` : `at path ${quoted(String(ref.path))}`}.`,
  );
}

/** The OU with id `id` (one the caller's own scope names), or NOT_FOUND naming `field`. */
export async function requireOrgUnitById(store: OrgUnitStore, id: string, field: string): Promise<OrgUnit> {
  return requireOrgUnit(store, { id }, { id: field, path: field });
}

/** The OU at `path` (given in `field`), or NOT_FOUND naming `field`. */
export async function requireOrgUnitAt(store: OrgUnitStore, path: string, field: string): Promise<OrgUnit> {
  return requireOrgUnit(store, { path }, { id: field, path: field });
}

async function requireOrgUnit(store: OrgUnitStore, ref: OrgUnitRef, fields: RefFields): Promise<OrgUnit> {
  const orgUnit = await findOrgUnit(store, ref, fields);
  if (orgUnit === null) throw noSuchOrgUnit(ref, fields);
  return orgUnit;
}

/** The OU `ref` names, read on behalf of `caller`: one outside its reach is not found, as one that does not exist. */
async function requireOrgUnitWithin(
  request: Request,
  caller: Actor,
  ref: OrgUnitRef,
  fields: RefFields,
): Promise<OrgUnit> {
  const orgUnit = await requireOrgUnit(request.orgUnits, ref, fields);
  assertOrgUnitAccess(caller, orgUnit, () => noSuchOrgUnit(ref, fields));
  return orgUnit;
}

/** The OU an input names by `orgUnitId` or `orgUnitPath`, within `caller`'s reach; `prefix` locates the input. */
export function requireOrgUnitFor(request: Request, caller: Actor, input: OrgUnitNamed, prefix = ""): Promise<OrgUnit> {
  return requireOrgUnitWithin(request, caller, refOf(input), {
    id: `${prefix}${REF_FIELDS.id}`,
    path: `${prefix}${REF_FIELDS.path}`,
  });
}

/** The OU at `path`, given in the input's `field` (e.g. a list entry), within `caller`'s reach. */
export function requireOrgUnitAtFor(request: Request, caller: Actor, ref: OrgUnitRef, field: string): Promise<OrgUnit> {
  return requireOrgUnitWithin(request, caller, ref, { id: field, path: field });
}

/** The parent OU an input names by `parentOrgUnitId` or `parentOrgUnitPath`, within `caller`'s reach. */
function requireParentFor(request: Request, caller: Actor, input: ParentNamed): Promise<OrgUnit> {
  return requireOrgUnitWithin(request, caller, parentRefOf(input), PARENT_FIELDS);
}

/**
 * `orgUnit(orgUnitPath | orgUnitId)`: the OU, or null. Its first read starts before the caller is verified (the
 * caller's key rides along with it); nothing is returned before the caller is.
 */
export async function findOrgUnitFor(request: Request, input: OrgUnitNamed): Promise<OrgUnit | null> {
  const orgUnit = await findOrgUnit(request.orgUnits, refOf(input));
  const caller = await authorize(request, "READ", "read organizational units");
  return orgUnit !== null && withinReach(caller, orgUnit) ? orgUnit : null;
}

/** The input fields of `orgUnits(under:)`. */
const UNDER_FIELDS: RefFields = { id: "under.orgUnitId", path: "under.orgUnitPath" };

/**
 * `orgUnits(under:)`: a page of the subtree under an OU (the OU first), in tree order: depth first, children by name.
 * Its first read starts before the caller is verified; the whole subtree is one parallel step of the byAncestry index,
 * so every page costs the same round trips at any size. `afterId` is the last OU already returned.
 */
export async function subtreePage(
  request: Request,
  under: OrgUnitNamed,
  first: number,
  afterId: string | undefined,
): Promise<ChildPage> {
  const ref = refOf(under);
  const root = await findOrgUnit(request.orgUnits, ref, UNDER_FIELDS);
  const caller = await authorize(request, "READ", "read organizational units");
  if (root === null || !withinReach(caller, root)) throw noSuchOrgUnit(ref, UNDER_FIELDS);
  const ordered = depthFirst(await request.orgUnits.subtree(root));
  const start = afterId === undefined ? 0 : ordered.findIndex((ou) => ou.id === afterId) + 1;
  if (start === 0 && afterId !== undefined)
    throw badInput("after", `"after" points to an OU that is no longer in this subtree.`);
  return { orgUnits: ordered.slice(start, start + first), hasNextPage: start + first < ordered.length };
}

/** A subtree (its root first, parents before children, siblings by name) in depth-first order, as a tree view draws it. */
function depthFirst(subtree: readonly OrgUnit[]): OrgUnit[] {
  const children = new Map<string, OrgUnit[]>();
  for (const ou of subtree.slice(1)) children.set(ou.parentId ?? "", [...(children.get(ou.parentId ?? "") ?? []), ou]);
  const ordered: OrgUnit[] = [];
  const stack = subtree.slice(0, 1);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    ordered.push(next);
    stack.push(...(children.get(next.id) ?? []).toReversed());
  }
  return ordered;
}

/** A page of an OU's children, within the caller's scope. */
export async function listChildren(
  request: Request,
  orgUnit: OrgUnit,
  first: number,
  afterName: string | undefined,
): Promise<ChildPage> {
  assertOrgUnitAccess(await request.caller(), orgUnit);
  return request.orgUnits.listChildren(orgUnit, first, afterName);
}

export async function createOrgUnit(
  request: WriteRequest,
  input: ParentNamed & { name: string; description?: string | null },
): Promise<OrgUnit> {
  const caller = await authorize(request, "WRITE", "create organizational units");
  const name = validateName(input.name);
  const description = normalizeDescription(input.description);
  return withRetries(
    async () => {
      const parent = await requireParentFor(request, caller, input);
      assertCanHaveChild(parent);
      assertPathFits(joinPath(parent.path, name), "name");
      const { change, orgUnit } = request.orgUnitWrites.create(parent, name, description);
      return request.work.commit([change], orgUnit);
    },
    { retryVersionConflicts: false },
  );
}

/** An OU's update (or its preview): the OU after it, and what it changes for the users of its subtree. */
export interface OrgUnitUpdate extends ChangePreview {
  orgUnit: OrgUnit;
  dryRun: boolean;
}

/**
 * Renames, moves or describes an OU. A move changes the effective settings of the whole subtree: its impact and
 * warnings come with the result, and with `dryRun` the move is only previewed (checked as it would be, written never).
 */
export async function updateOrgUnit(
  request: WriteRequest,
  input: OrgUnitNamed &
    ParentNamed & {
      name?: string | null;
      description?: string | null;
      expectedVersion?: number | null;
      dryRun?: boolean | null;
    },
): Promise<OrgUnitUpdate> {
  const caller = await authorize(request, "WRITE", "change organizational units");
  const newName = input.name === undefined || input.name === null ? undefined : validateName(input.name);
  if (input.parentOrgUnitPath != null) parsePath(input.parentOrgUnitPath, PARENT_FIELDS.path);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      // The OU and its new parent are read side by side; a problem with the OU is reported first.
      if (names(parentRefOf(input))) prefetchGroupsForPreview(request);
      const [read, parentRead] = await Promise.allSettled([
        requireOrgUnitFor(request, caller, input),
        names(parentRefOf(input)) ? requireParentFor(request, caller, input) : undefined,
      ]);
      if (read.status === "rejected") throw read.reason;
      if (parentRead.status === "rejected") throw parentRead.reason;
      const [orgUnit, newParent] = [read.value, parentRead.value];
      const expectedVersion = input.expectedVersion ?? orgUnit.version;
      if (dryRun && expectedVersion !== orgUnit.version)
        throw versionConflict(`"${orgUnit.path}"`, expectedVersion, orgUnit.version);
      const renaming = newName !== undefined && newName !== orgUnit.name;
      const moving = newParent !== undefined && newParent.id !== orgUnit.parentId;
      const description =
        input.description === undefined ? orgUnit.description : normalizeDescription(input.description);
      const describing = description !== orgUnit.description;
      const unchanged = { orgUnit, ...noChangePreview(), dryRun };
      if (!renaming && !moving) {
        if (!describing || dryRun) return unchanged;
        const { change, orgUnit: described } = request.orgUnitWrites.describe(orgUnit, description, expectedVersion);
        return request.work.commit([change], { ...unchanged, orgUnit: described });
      }
      assertNotRoot(orgUnit, moving ? "moved" : "renamed");
      assertNotOwnScope(caller, orgUnit, moving ? "move" : "rename");
      const parent = newParent ?? (orgUnit.ancestors.at(-1) as OrgUnit);
      const newPath = joinPath(parent.path, newName ?? orgUnit.name);
      // What the read already shows is refused before the tree is locked; the subtree is checked under the lock.
      if (moving) validateMove(orgUnit, parent, 0);
      assertPathFits(newPath, moving ? PARENT_FIELDS.path : "name");
      const change = { newName: newName ?? orgUnit.name, newParent: parent, description };
      const result = request.orgUnitWrites.restructured(orgUnit, change, expectedVersion);
      /** Refuses a change the subtree (seen at its new place) does not allow. */
      const check = (descendants: readonly OrgUnit[]) => {
        const height = Math.max(0, ...descendants.map((ou) => ou.depth - result.depth));
        if (moving) validateMove(orgUnit, parent, height);
        for (const ou of descendants) assertPathFits(ou.path, moving ? PARENT_FIELDS.path : "name");
      };
      /** What the move does to the users of `subtree` (its OUs as the answer shows them). */
      const preview = (subtree: OrgUnit[]) =>
        moving ? orgUnitMovePreview(request, subtree, orgUnit.ancestors, result.ancestors) : noChangePreview();
      if (dryRun) {
        const current = await request.orgUnits.subtree(orgUnit);
        check(viewsBelow(result, current.slice(1)));
        return { orgUnit, ...(await preview(current)), dryRun };
      }
      if (orgUnit.childCount === 0) {
        const leaf = request.orgUnitWrites.restructureLeaf(orgUnit, change, expectedVersion);
        return request.work.commit([leaf.change], { orgUnit: leaf.orgUnit, ...(await preview([result])), dryRun });
      }
      const underLock = async (descendants: OrgUnit[]): Promise<OrgUnitUpdate> => {
        check(descendants);
        return { orgUnit: result, ...(await preview([result, ...descendants])), dryRun };
      };
      return request.tree.run(request.work, orgUnit, change, expectedVersion, underLock, result);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export async function deleteOrgUnit(
  request: WriteRequest,
  input: OrgUnitNamed & { expectedVersion?: number | null },
): Promise<OrgUnit> {
  const caller = await authorize(request, "WRITE", "delete organizational units");
  return withRetries(
    async () => {
      const orgUnit = await requireOrgUnitFor(request, caller, input);
      assertNotRoot(orgUnit, "deleted");
      assertNotOwnScope(caller, orgUnit, "delete");
      if (orgUnit.childCount > 0)
        throw failedPrecondition(
          `"${orgUnit.path}" still has ${orgUnit.childCount} child organizational unit(s); delete or move them first.`,
        );
      if (orgUnit.userCount > 0)
        throw failedPrecondition(
          `"${orgUnit.path}" still has ${orgUnit.userCount} user(s); delete or move them first.`,
        );
      const change = request.orgUnitWrites.delete(orgUnit, input.expectedVersion ?? orgUnit.version);
      return request.work.commit([change], orgUnit);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/** The most characters an OU's description may have. */
const MAX_DESCRIPTION_LENGTH = 1000;

/** A description as stored: free text of up to 1,000 characters (line breaks allowed); empty clears it. */
function normalizeDescription(description: string | null | undefined): string | null {
  if (description === undefined || description === null) return null;
  const text = cleanText(description, "description", "A description", MAX_DESCRIPTION_LENGTH, {
    lines: true,
    minLength: 0,
  });
  return text === "" ? null : text;
}
