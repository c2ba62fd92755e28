/** Pure rules of the organizational-unit tree: names, paths, depth, moves, and how a stored chain becomes a consistent view. */
import { badInput, failedPrecondition } from "../errors";
import { cleanText, foldName, quoted } from "./text";
import type { MailAccessPolicy, SettingKey } from "./mail-access";
import type { OwnSettingsCounts } from "./own-settings-counts";

/** Levels below the root, as in Google's Directory API. The root is level 0. */
export const MAX_DEPTH = 35;
export const MAX_NAME_LENGTH = 255;
const ROOT_PATH = "/";
/** The form of every OU id; anything else names no OU (and would make an invalid key). */
export const OU_ID = /^ou_[a-z0-9]{1,40}$/;
/** A path's key (lower-cased, UTF-8) is part of a DynamoDB partition key, which holds at most 2,048 bytes. */
export const MAX_PATH_BYTES = 1800;
/** The most characters a path may have: 35 names of at most 255 characters, with their slashes. */
const MAX_PATH_LENGTH = MAX_DEPTH * (MAX_NAME_LENGTH + 1);

/**
 * An OU as stored: the tree is its parent links; each OU's ancestor ids (root first) are a hint that lets one batch
 * read a whole chain (and the key of the byAncestry index); paths are derived.
 */
export interface OrgUnitRecord {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  ancestorIds: string[];
  childCount: number;
  userCount: number;
  /** Its users per combination of their own mail settings, kept with every write of a user. */
  ownSettingsCounts: OwnSettingsCounts;
  mailAccessPolicy: MailAccessPolicy;
  policyChangedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set on the root of a subtree while a rename or move of it is in progress; cleared when it commits. */
  pendingOp?: { opId: string } | undefined;
}

/** An OU as readers see it: one consistent snapshot of the OU and its whole chain of ancestors. */
export interface OrgUnit {
  id: string;
  name: string;
  description: string | null;
  path: string;
  depth: number;
  parentId: string | null;
  /** Root first, parent last. */
  ancestors: OrgUnit[];
  childCount: number;
  /** Users directly in this OU. */
  userCount: number;
  /** Those users per combination of their own mail settings (see ./own-settings-counts.ts). */
  ownSettingsCounts: OwnSettingsCounts;
  /** The POP and IMAP settings chosen on this OU itself (missing ones are inherited). */
  mailAccessPolicy: MailAccessPolicy;
  policyChangedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when the caller may see only part of this OU (it lies outside the caller's reach, reached as the source of a
   * setting or as an ancestor): its id, name and path, and of its own settings those listed here, which explain the
   * caller's own effective settings. Nothing else of it is shown.
   */
  shown?: { settings: readonly SettingKey[] };
}

/** Trims an OU name and checks it; throws BAD_USER_INPUT naming `field`. */
export function validateName(raw: string, field = "name"): string {
  const name = cleanText(raw, field, "An organizational unit name", MAX_NAME_LENGTH);
  if (name.includes("/"))
    throw badInput(field, `An organizational unit name must not contain "/"; got ${quoted(name)}.`);
  return name;
}

/** Splits an OU path such as "/Sales/EMEA" into its names; "/" is the root (no names). */
export function parsePath(raw: string, field = "path"): string[] {
  if (raw.length > MAX_PATH_LENGTH)
    throw badInput(field, `An organizational unit path has at most ${MAX_PATH_LENGTH} characters; got ${raw.length}.`, {
      maxLength: MAX_PATH_LENGTH,
    });
  if (!raw.startsWith("/"))
    throw badInput(field, `An organizational unit path starts with "/", like "/Sales/EMEA"; got ${quoted(raw)}.`);
  if (raw === ROOT_PATH) return [];
  const names = raw.slice(1).split("/");
  if (names.some((name) => name.length === 0))
    throw badInput(field, `An organizational unit path has no empty names and no trailing "/"; got ${quoted(raw)}.`);
  if (names.length > MAX_DEPTH)
    throw badInput(field, `The OU tree is at most ${MAX_DEPTH} levels deep; ${quoted(raw)} has ${names.length}.`);
  names.forEach((name) => {
    if (name !== name.trim() || [...name].length > MAX_NAME_LENGTH)
      throw badInput(field, `${quoted(name)} in ${quoted(raw)} is not a valid organizational unit name.`);
  });
  return names;
}

export function joinPath(parentPath: string, name: string): string {
  return parentPath === ROOT_PATH ? `/${name}` : `${parentPath}/${name}`;
}

/**
 * Sibling names and path lookups ignore case and compatibility forms, so "/sales" finds "/Sales", and "Sales" and
 * "SALES" (or "Café" typed two ways, or "ﬁles" and "files") cannot be siblings.
 */
export function pathKey(path: string): string {
  return foldName(path);
}

/** Refuses a path (of an OU to be created, renamed or moved) whose key would not fit in a DynamoDB key. */
export function assertPathFits(path: string, field: string): void {
  const bytes = Buffer.byteLength(pathKey(path));
  if (bytes > MAX_PATH_BYTES)
    throw badInput(
      field,
      `An organizational unit path has at most ${MAX_PATH_BYTES} bytes (UTF-8, case-folded); ${quoted(path)} would have ${bytes}.`,
      { maxBytes: MAX_PATH_BYTES },
    );
}

/** Checks that moving `orgUnit` (whose subtree is `subtreeHeight` levels below it) under `newParent` keeps the tree valid. */
export function validateMove(orgUnit: OrgUnit, newParent: OrgUnit, subtreeHeight: number): void {
  if (newParent.id === orgUnit.id || newParent.ancestors.some((a) => a.id === orgUnit.id))
    throw badInput(
      "parentOrgUnitPath",
      `Cannot move "${orgUnit.path}" under itself or one of its descendants ("${newParent.path}").`,
    );
  const deepest = newParent.depth + 1 + subtreeHeight;
  if (deepest > MAX_DEPTH)
    throw badInput(
      "parentOrgUnitPath",
      `Moving "${orgUnit.path}" under "${newParent.path}" would make the tree ${deepest} levels deep; at most ${MAX_DEPTH} are allowed.`,
    );
}

export function assertNotRoot(orgUnit: OrgUnit, action: string): void {
  if (orgUnit.parentId === null) throw failedPrecondition(`The root organizational unit cannot be ${action}.`);
}

export function assertCanHaveChild(parent: OrgUnit): void {
  if (parent.depth + 1 > MAX_DEPTH)
    throw badInput(
      "parentOrgUnitPath",
      `The OU tree is at most ${MAX_DEPTH} levels deep; "${parent.path}" is at the limit.`,
    );
}

export type ChainResolution =
  | { kind: "resolved"; orgUnit: OrgUnit }
  /** An ancestor's record is not among those read: read these (its id and the hints below it) and resolve again. */
  | { kind: "missing"; ids: string[] }
  /** The parent links do not reach a root within the tree's depth: a cycle, which no valid tree has. */
  | { kind: "broken" };

/**
 * The view of `self` along the chain its parent links give among `records`. A rename or move commits by changing one
 * record (the moved subtree's root: its name, its parent), and a descendant's parent link never changes in a move,
 * so a chain followed through parent links, each record taken as it was read, is always a tree, whatever moment each
 * record was read at. Ancestor ids on records are only hints of what to read; after a move they may be out of date.
 */
export function resolveChain(self: OrgUnitRecord, records: ReadonlyMap<string, OrgUnitRecord>): ChainResolution {
  const chain = [self];
  for (let node = self; node.parentId !== null;) {
    const parentId = node.parentId;
    if (chain.some((link) => link.id === parentId) || chain.length > MAX_DEPTH) return { kind: "broken" };
    const parent = records.get(parentId);
    if (parent === undefined) {
      const wanted = [parentId, ...node.ancestorIds].filter((id) => !records.has(id));
      return { kind: "missing", ids: [...new Set(wanted)] };
    }
    chain.unshift(parent);
    node = parent;
  }
  const views: OrgUnit[] = [];
  for (const record of chain) views.push(toView(record, views.at(-1)));
  return { kind: "resolved", orgUnit: views.at(-1) as OrgUnit };
}

/** What a view is made of: a record, or another view of the same OU (ancestor ids are never used). */
type ViewSource = Omit<OrgUnitRecord, "ancestorIds" | "pendingOp">;

/** The view of a record whose parent's view is known (e.g. a child listed under its parent). */
export function toView(record: ViewSource, parent: OrgUnit | undefined): OrgUnit {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    path: parent === undefined ? ROOT_PATH : joinPath(parent.path, record.name),
    depth: parent === undefined ? 0 : parent.depth + 1,
    parentId: record.parentId,
    ancestors: parent === undefined ? [] : [...parent.ancestors, parent],
    childCount: record.childCount,
    userCount: record.userCount,
    ownSettingsCounts: record.ownSettingsCounts,
    mailAccessPolicy: record.mailAccessPolicy,
    policyChangedAt: record.policyChangedAt,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/**
 * Views of `descendants` (records or views, parents before children) below `root`: the subtree as seen from the place
 * `root` has (e.g. after a move, given the moved OU's new view).
 */
export function viewsBelow(root: OrgUnit, descendants: readonly (ViewSource & { id: string })[]): OrgUnit[] {
  const views = new Map([[root.id, root]]);
  return descendants.flatMap((record) => {
    const parent = views.get(record.parentId ?? "");
    if (parent === undefined) return [];
    const view = toView(record, parent);
    views.set(view.id, view);
    return [view];
  });
}
