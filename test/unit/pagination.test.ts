/** Relay-style pagination: the `first` bound, opaque cursors tied to one list, and the connection shape. */
import { describe, expect, it } from "vitest";
import {
  connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  pageSize,
} from "../../functions/graphql/pagination";
import { badInputMessage } from "./support";

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("pageSize", () => {
  it(`is ${DEFAULT_PAGE_SIZE} when "first" is not given`, () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
  });

  it.each([1, 2, 50, 99, MAX_PAGE_SIZE])("accepts %i", (first) => {
    expect(pageSize(first)).toBe(first);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 1000, 1.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s, naming the field "first"',
    (first) => {
      const message = badInputMessage(() => pageSize(first), "first");
      expect(message).toBe(`"first" is between 1 and ${MAX_PAGE_SIZE}; got ${first}.`);
    },
  );
});

/** The parts a cursor of the children list holds, as its resolver checks them. */
const NAME = { name: /^.{1,255}$/su };

describe("encodeCursor and decodeCursor", () => {
  it("round-trip a position, which comes back with the list's kind", () => {
    const cursor = encodeCursor("children", { name: "Sales" });
    expect(decodeCursor("children", cursor, NAME)).toEqual({ kind: "children", name: "Sales" });
  });

  it("round-trip names with slashes, quotes, spaces and letters beyond ASCII", () => {
    const position = { name: 'Ventes – Île-de-France "Nord"/Sud', id: "42" };
    expect(decodeCursor("children", encodeCursor("children", position), NAME)).toMatchObject(position);
  });

  it("encode as URL-safe base64 with no padding", () => {
    const cursor = encodeCursor("children", { name: "??>>??>>~~~" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("encode different positions differently", () => {
    expect(encodeCursor("children", { name: "A" })).not.toBe(encodeCursor("children", { name: "B" }));
    expect(encodeCursor("children", { name: "A" })).not.toBe(encodeCursor("members", { name: "A" }));
  });

  it("decode no cursor as no position", () => {
    expect(decodeCursor("children", undefined, NAME)).toBeUndefined();
    expect(decodeCursor("children", null, NAME)).toBeUndefined();
  });

  it('refuse a cursor of another list, naming "after" by default', () => {
    const members = encodeCursor("members", { name: "Sales" });
    const message = badInputMessage(() => decodeCursor("children", members, NAME), "after");
    expect(message).toBe('"after" is not a cursor of this list; pass an endCursor or cursor returned by it.');
  });

  it.each([
    ["an empty string", ""],
    ["text that is not base64", "not a cursor!"],
    ["base64 of text that is not JSON", base64url("name=Sales")],
    ["base64 of JSON null", base64url("null")],
    ["base64 of a JSON string", base64url('"children"')],
    ["base64 of a JSON number", base64url("7")],
    ["base64 of a JSON array", base64url('["children"]')],
    ["base64 of an object without a kind", base64url('{"name":"Sales"}')],
    ["base64 of truncated JSON", encodeCursor("children", { name: "Sales" }).slice(0, -4)],
  ])("refuse %s", (_, cursor) => {
    badInputMessage(() => decodeCursor("children", cursor, NAME), "after");
  });

  it("name the given field in the error", () => {
    const message = badInputMessage(() => decodeCursor("children", "garbage", NAME, "before"), "before");
    expect(message).toContain('"before" is not a cursor of this list');
  });

  // A forged cursor of the right kind whose `name` is a number must not reach the store as a position.
  it("refuse a cursor of the right kind whose position values are not strings", () => {
    badInputMessage(() => decodeCursor("children", base64url('{"kind":"children","name":5}'), NAME), "after");
  });

  it("refuse a forged cursor whose parts do not have their form, or that is too long to be one", () => {
    for (const name of ["", "x".repeat(256)])
      badInputMessage(() => decodeCursor("children", encodeCursor("children", { name }), NAME), "after");
    badInputMessage(() => decodeCursor("children", base64url('{"kind":"children"}'), NAME), "after");
    badInputMessage(() => decodeCursor("children", "A".repeat(2000), NAME), "after");
  });
});

describe("connection", () => {
  const cursorOf = (node: { name: string }) => `cursor-of-${node.name}`;

  it("pairs every node with its cursor, in order", () => {
    const nodes = [{ name: "A" }, { name: "B" }, { name: "C" }];
    expect(connection(nodes, true, cursorOf)).toEqual({
      edges: [
        { node: { name: "A" }, cursor: "cursor-of-A" },
        { node: { name: "B" }, cursor: "cursor-of-B" },
        { node: { name: "C" }, cursor: "cursor-of-C" },
      ],
      nodes,
      pageInfo: { hasNextPage: true, endCursor: "cursor-of-C" },
    });
  });

  it("returns the nodes themselves, not copies", () => {
    const nodes = [{ name: "A" }];
    const page = connection(nodes, false, cursorOf);
    expect(page.nodes).toBe(nodes);
    expect(page.edges[0]?.node).toBe(nodes[0]);
  });

  it("passes hasNextPage through", () => {
    expect(connection([{ name: "A" }], false, cursorOf).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: "cursor-of-A",
    });
  });

  it("has a null endCursor and no edges for an empty page", () => {
    expect(connection([], false, cursorOf)).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it("works with the cursors encodeCursor makes, which decodeCursor reads back", () => {
    const page = connection([{ name: "A" }, { name: "B" }], true, (node) => encodeCursor("children", node));
    expect(decodeCursor("children", page.pageInfo.endCursor, NAME)).toEqual({ kind: "children", name: "B" });
  });
});
