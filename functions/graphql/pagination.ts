/** Relay-style connections: the `first` bound, opaque cursors, and the connection shape every list returns. */
import { badInput } from "../errors";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw badInput("first", `"first" is between 1 and ${MAX_PAGE_SIZE}; got ${size}.`);
  return size;
}

/** A cursor is the base64url JSON of a position; `kind` keeps cursors of one list from being used on another. */
export function encodeCursor(kind: string, position: Record<string, string>): string {
  return Buffer.from(JSON.stringify({ kind, ...position })).toString("base64url");
}

/** The longest cursor any list returns (a forged longer one is refused before it is read). */
const MAX_CURSOR_LENGTH = 1024;

/**
 * The position a cursor of list `kind` holds, each part checked against its pattern in `parts` (a forged cursor could
 * otherwise put anything into a key): BAD_USER_INPUT naming `field` for anything else.
 */
export function decodeCursor<K extends string>(
  kind: string,
  cursor: string | null | undefined,
  parts: Record<K, RegExp>,
  field = "after",
): Record<K, string> | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const value: unknown =
      cursor.length <= MAX_CURSOR_LENGTH ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
    if (
      typeof value === "object" &&
      value !== null &&
      (value as { kind?: unknown }).kind === kind &&
      Object.entries(parts).every(([part, pattern]) => {
        const text = (value as Record<string, unknown>)[part];
        return typeof text === "string" && (pattern as RegExp).test(text);
      })
    )
      return value as Record<K, string>;
  } catch {
    // Falls through to the same error as a cursor of another list.
  }
  throw badInput(field, `"${field}" is not a cursor of this list; pass an endCursor or cursor returned by it.`);
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function connection<T>(nodes: T[], hasNextPage: boolean, cursorOf: (node: T) => string): Connection<T> {
  const edges = nodes.map((node) => ({ node, cursor: cursorOf(node) }));
  return { edges, nodes, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A page of a list already in memory (API keys, administrators, an impact's OUs), after the cursor's position. */
export function pageOfList<T>(
  kind: string,
  items: readonly T[],
  first: number | null | undefined,
  after: string | null | undefined,
): Connection<T> {
  const size = pageSize(first);
  const start = Number(decodeCursor(kind, after, { index: /^\d{1,6}$/ })?.index ?? -1) + 1;
  const page = items.slice(start, start + size);
  return connection(page, start + size < items.length, (item) =>
    encodeCursor(kind, { index: String(start + page.indexOf(item)) }),
  );
}
