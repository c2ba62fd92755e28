/**
 * Values for the schema's positions (test/support/schema-walk.ts), for issue 12's fuzz: valid ones from a small table
 * of hints keyed by the name of the argument or input field (a name ending in `Path` gets the path of an OU of the
 * fixture, `email` one of its addresses, …) with a fallback by type, so that renamed and new fields need no change
 * here; and hostile ones by the position's type and name: strings of every Unicode general category, empty and huge
 * values, the wrong shape, numbers beyond GraphQL's Int, huge lists, forged ids, cursors, paths, addresses and dates.
 * `siteCase` puts them together: an operation valid everywhere but at one position (sometimes two or three).
 */
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLEnumType,
  type GraphQLInputType,
  type GraphQLNamedType,
} from "graphql";
import { HugeList, HugeString, RawJson, type Position, type Site } from "./schema-walk";

// ---- valid values ---------------------------------------------------------------------------------------------------

/** What the fixture offers as valid values: things that exist, and for mutations things that may be changed. */
export interface Valid {
  /** Paths of existing OUs to name; for a mutation, only OUs it may change. */
  paths: string[];
  /** The parent of those, for names that say "parent". */
  parentPath: string;
  /** Ids of those OUs. */
  orgUnitIds: string[];
  /** Ids of API keys that may be named (for a mutation, revoked). */
  apiKeyIds: string[];
  emails: string[];
  /** An OU or user name that changes nothing when given. */
  name: string;
  clientIds: string[];
}

/** A valid value for a field of that name; `undefined` leaves the field out. */
type Hint = (valid: Valid) => fc.Arbitrary<unknown>;

const FUTURE = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

/**
 * Valid values by the name of the argument or input field, for text (String, ID, custom scalars) unless another type is
 * named; the first match wins. Names only: a renamed field with the same ending keeps its hint, and a new field falls
 * back to its type.
 */
const HINTS: { name: RegExp; type?: "Int" | "Boolean"; value: Hint }[] = [
  { name: /^dryRun$/, type: "Boolean", value: () => fc.constant(true) },
  { name: /^(first|last)$|limit$/i, type: "Int", value: () => fc.integer({ min: 1, max: 5 }) },
  { name: /version$/i, type: "Int", value: () => fc.constant(undefined) },
  { name: /^(after|before)$|cursor/i, value: () => fc.constant(undefined) },
  { name: /idempotency/i, value: () => fc.uuid() },
  { name: /parent.*path$/i, value: (v) => fc.constant(v.parentPath) },
  { name: /paths$/i, value: (v) => fc.constantFrom(...v.paths).map((path) => [path]) },
  { name: /path$|scope$/i, value: (v) => fc.constantFrom(...v.paths) },
  { name: /emails$/i, value: (v) => fc.subarray(v.emails, { minLength: 1 }) },
  { name: /email$/i, value: (v) => fc.constantFrom(...v.emails) },
  { name: /clientids$/i, value: (v) => fc.subarray(v.clientIds, { minLength: 1 }) },
  { name: /clientidscsv$/i, value: (v) => fc.subarray(v.clientIds, { minLength: 1 }).map((ids) => ids.join(",")) },
  { name: /clientid$/i, value: (v) => fc.constantFrom(...v.clientIds) },
  { name: /setting/i, value: () => fc.constant("IMAP_ACCESS") },
  { name: /name$/i, value: (v) => fc.constant(v.name) },
  { name: /description$/i, value: () => fc.constant("Described by the fuzz test") },
  { name: /^(since|until)$|At$/, value: () => fc.constant(FUTURE) },
];

const hintFor = (type: GraphQLNamedType, name: string) =>
  HINTS.find(
    (hint) =>
      hint.name.test(name) &&
      (hint.type === undefined ? !["Int", "Float", "Boolean"].includes(type.name) : hint.type === type.name),
  )?.value;

function validLeaf(type: GraphQLNamedType, name: string, holder: string, valid: Valid): fc.Arbitrary<unknown> {
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  const hint = hintFor(type, name);
  if (hint !== undefined) return hint(valid);
  switch (type.name) {
    case "Boolean":
      return fc.boolean();
    case "Int":
    case "Float":
      return fc.integer({ min: 1, max: 5 });
    case "ID":
      return /key/i.test(`${holder}.${name}`)
        ? fc.constantFrom(...valid.apiKeyIds)
        : fc.constantFrom(...valid.orgUnitIds);
    case "DateTime":
      return fc.constant(FUTURE);
    default:
      return fc.constant(valid.name);
  }
}

/** A valid value of `type`: required fields always, optional ones sometimes (so that each is also probed alone). */
export function validValue(type: GraphQLInputType, name: string, holder: string, valid: Valid): fc.Arbitrary<unknown> {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    // A hint for the list's name is for the whole list (`emails`); else a short list of valid items.
    const itemType = getNamedType(nullable);
    if (!isInputObjectType(itemType) && hintFor(itemType, name) !== undefined)
      return validLeaf(itemType, name, holder, valid);
    return fc.array(validValue(nullable.ofType, name, holder, valid), { minLength: 1, maxLength: 2 });
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    return fc.record(
      Object.fromEntries(fields.map((field) => [field.name, validValue(field.type, field.name, nullable.name, valid)])),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
  }
  return validLeaf(nullable, name, holder, valid);
}

// ---- hostile values -------------------------------------------------------------------------------------------------

// prettier-ignore
const CATEGORIES = [
  "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
  "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn",
] as const;

/**
 * Characters of each Unicode general category, up to 256 spread over the category (the planes in use, and the ends of
 * the private-use planes). Surrogates (Cs) come alone: a lone surrogate, which JSON carries as a `\ud800` escape.
 */
const SAMPLES: Record<string, string[]> = (() => {
  const pattern = new RegExp(CATEGORIES.map((category) => `(?<${category}>\\p{${category}})`).join("|"), "u");
  const all: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
  const ranges = [
    [0, 0x3ffff],
    [0xe0000, 0xe01ff],
    [0xf0000, 0xf00ff],
    [0x10ff00, 0x10ffff],
  ];
  for (const [from, to] of ranges)
    for (let cp = from as number; cp <= (to as number); cp += 1) {
      const groups = pattern.exec(String.fromCodePoint(cp))?.groups ?? {};
      const category = CATEGORIES.find((c) => groups[c] !== undefined);
      if (category !== undefined) (all[category] as number[]).push(cp);
    }
  return Object.fromEntries(
    Object.entries(all).map(([category, cps]) => {
      const step = Math.max(1, Math.floor(cps.length / 256));
      return [category, cps.filter((_, i) => i % step === 0).map((cp) => String.fromCodePoint(cp))];
    }),
  );
})();

/** One character of a category; every category as likely as any other. */
const categoryChar = fc
  .constantFrom(...CATEGORIES)
  .chain((category) => fc.constantFrom(...(SAMPLES[category] as string[])));

/** Characters that broke or fooled software before: invisible, bidirectional, expanding under folding, key syntax. */
// prettier-ignore
const NOTORIOUS = [
  "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u00ad", "\u200b", "\u200d", "\u200e", "\u202e", "\u2066",
  "\ufeff", "\ud800", "\udfff", "\ue000", "\u{f0000}", "\u{10ffff}", "\u0378", "\uffff", "\u2028", "\u2029", "\u00a0",
  "\u3000", "\u0301", "e\u0301", "\u20dd", "İ", "ı", "ß", "ẞ", "ǅ", "ﬁ", "ﷺ", "Ⅻ", "𝔘", "١٢٣", "１２３",
  "👨‍👩‍👧", "🏳️‍🌈", "\r\n", "\t", "#", "/", "\\", "..", "%00", "%2F", "${x}", "{{x}}", "<script>", "' OR '1'='1",
  '"', "__proto__", "constructor", "null",
];
const notorious = fc.constantFrom(...NOTORIOUS);

/** Strings of every category: one category, mixed categories, the notorious ones, fast-check's own. */
const unicodeString = fc.oneof(
  fc
    .constantFrom(...CATEGORIES)
    .chain((category) =>
      fc
        .array(fc.constantFrom(...(SAMPLES[category] as string[])), { minLength: 1, maxLength: 8 })
        .map((s) => s.join("")),
    ),
  fc.array(categoryChar, { minLength: 1, maxLength: 30 }).map((chars) => chars.join("")),
  fc.array(notorious, { minLength: 1, maxLength: 4 }).map((chars) => chars.join("")),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** `valid` with hostile characters put in, appended, or prepended: the value gets past a glance, not a check. */
const spliced = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.nat(), fc.oneof(notorious, categoryChar, unicodeString)).map(([text, at, inserted]) => {
    const i = at % (text.length + 1);
    return `${text.slice(0, i)}${inserted}${text.slice(i)}`;
  });

/** Sizes from past every bound to past the request body's 1 MiB (then PAYLOAD_TOO_LARGE). */
const hugeString = fc
  .tuple(
    fc.constantFrom("x", " ", "İ", "ﷺ", "\u200b", "\u0000", "/", "a/", "👨‍👩‍👧", "\ud800"),
    fc.integer({ min: 10_000, max: 1_100_000 }),
  )
  .map(([unit, bytes]) => new HugeString(unit, Math.max(1, Math.floor(bytes / JSON.stringify(unit).length))));

const blank = fc.constantFrom("", " ", "   ", "\t", "\n", "\u3000", "\u200b");

const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** What was harvested from the fixture's answers, for forgeries that look real. */
export interface Harvest {
  /** Ids seen in answers, the customer's own (never the caller's own key: a mutation could revoke it). */
  ids: string[];
  /** Ids of another customer's objects. */
  foreignIds: string[];
  cursors: string[];
  /** Mail domains: the customer's own, and another customer's. */
  domains: string[];
}

const keyLike = fc.constantFrom("#", "CUSTOMER#", "OU#", "USER#", "KEY#", "#META", "\u0000", "|", ":");

function forgedIds(harvest: Harvest): fc.Arbitrary<string> {
  const real = fc.constantFrom(...harvest.ids, ...harvest.foreignIds);
  const prefixes = [...new Set([...harvest.ids, ...harvest.foreignIds].map((id) => id.replace(/[^_]*$/, "")))];
  return fc.oneof(
    real,
    real.map((id) => id.toUpperCase()),
    fc.tuple(real, keyLike).map(([id, key]) => `${id}${key}`),
    fc.tuple(keyLike, real).map(([key, id]) => `${key}${id}`),
    real.map((id) => id.slice(0, -1)),
    fc
      .tuple(real, fc.constantFrom(...prefixes, "", "x_"))
      .map(([id, prefix]) => `${prefix}${id.replace(/^[^_]*_/, "")}`),
    fc
      .tuple(fc.constantFrom(...prefixes, ""), fc.integer({ min: 30, max: 3000 }))
      .map(([prefix, n]) => `${prefix}${"a".repeat(n)}`),
    fc.tuple(fc.constantFrom(...prefixes), fc.stringMatching(/^[a-z0-9]{1,40}$/)).map(([prefix, s]) => `${prefix}${s}`),
    spliced(real),
  );
}

function forgedCursors(harvest: Harvest): fc.Arbitrary<string> {
  const decoded = harvest.cursors.flatMap((cursor) => {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      return value !== null && typeof value === "object" && !Array.isArray(value)
        ? [value as Record<string, unknown>]
        : [];
    } catch {
      return [];
    }
  });
  const kinds = [...new Set(decoded.map((value) => String(value.kind)))];
  const part: fc.Arbitrary<unknown> = fc.oneof(
    unicodeString,
    notorious,
    fc.constantFrom("-1", "0", "999999", "1e3", " 1", "1\n", "00000001", "9".repeat(40), ...kinds),
    fc.integer(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.integer({ min: 100, max: 3000 }).map((n) => "z".repeat(n)),
  );
  const real = fc.constantFrom(...decoded);
  const withParts = fc.tuple(
    real,
    fc.dictionary(fc.constantFrom(...new Set(decoded.flatMap(Object.keys)), "__proto__", "extra"), part, {
      minKeys: 1,
      maxKeys: 3,
    }),
  );
  return fc.oneof(
    fc.constantFrom(...harvest.cursors),
    withParts.map(([value, parts]) => base64url(JSON.stringify({ ...value, ...parts }))),
    fc
      .tuple(real, fc.constantFrom(...Object.keys(decoded[0] ?? { kind: 1 })))
      .map(([value, drop]) =>
        base64url(JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => key !== drop)))),
      ),
    fc.jsonValue({ maxDepth: 3 }).map((value) => base64url(JSON.stringify(value))),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("base64url")),
    fc.constantFrom(...harvest.cursors).map((cursor) => Buffer.from(cursor, "base64url").toString("base64")),
    fc.constantFrom("", "=", "====", "!!!!", "a", "ab=", "e30", "bnVsbA", "W10", "MQ", "IiI"),
    fc
      .integer({ min: 1000, max: 6000 })
      .map((n) => base64url(JSON.stringify({ kind: kinds[0] ?? "x", pad: "p".repeat(n) }))),
    spliced(fc.constantFrom(...harvest.cursors)),
  );
}

/** Paths near the valid ones: other case, padding, empty names, dots, too deep, too long, too many bytes once folded. */
function forgedPaths(valid: Valid): fc.Arbitrary<string> {
  const path = fc.constantFrom(...valid.paths);
  const name = fc.constantFrom("a", "İ", "ﷺ", "ß", "x".repeat(255), "x".repeat(256), "Victim", " a", "a ");
  return fc.oneof(
    path.map((p) => p.toUpperCase()),
    path.map((p) => p.toLowerCase()),
    path.map((p) => p.normalize("NFD")),
    fc.tuple(path, fc.constantFrom("/", "//", "/.", "/..", " ", "\\", "/\u200b", "\u202e")).map(([p, s]) => `${p}${s}`),
    path.map((p) => p.slice(1)),
    path.map((p) => p.replaceAll("/", "\\")),
    fc.constantFrom("", "/", "//", "/.", "/..", "/./In", "/In/../Out"),
    fc
      .tuple(fc.integer({ min: 34, max: 400 }), name)
      .map(([depth, n]) => `/${Array.from({ length: depth }, () => n).join("/")}`),
    fc
      .tuple(fc.integer({ min: 1, max: 40 }), name)
      .map(([depth, n]) => `/${Array.from({ length: depth }, () => n).join("/")}`),
    fc.integer({ min: 600, max: 9000 }).map((n) => `/${"İ".repeat(n)}`),
    fc.array(unicodeString, { minLength: 1, maxLength: 4 }).map((names) => `/${names.join("/")}`),
    spliced(path),
  );
}

function forgedEmails(valid: Valid, harvest: Harvest): fc.Arbitrary<string> {
  const email = fc.constantFrom(...valid.emails);
  const local = email.map((e) => e.split("@")[0] as string);
  return fc.oneof(
    email.map((e) => e.toUpperCase()),
    fc.tuple(local, fc.constantFrom(...harvest.domains)).map(([l, d]) => `${l}@${d}`),
    fc.tuple(local, fc.constantFrom(...harvest.domains)).map(([l, d]) => `${l}@${d.toUpperCase()}.`),
    email.map((e) => e.replace("@", "+tag@")),
    email.map((e) => e.replace("@", "@@")),
    email.map((e) => e.replace("@", "")),
    email.map((e) => `"${e.replace("@", ' "@')}`),
    email.map((e) => `(comment)${e}`),
    email.map((e) => `${e.split("@")[0] as string}@[127.0.0.1]`),
    fc
      .tuple(fc.integer({ min: 60, max: 5000 }), fc.constantFrom(...harvest.domains))
      .map(([n, d]) => `${"a".repeat(n)}@${d}`),
    email.map((e) => `${e}${".x".repeat(200)}`),
    email.map((e) => e.replace("@", "İ@")),
    fc.constantFrom("@", "a@", "@b", "a@b", "a@b.c", "mailer-daemon@", "root@localhost", "@@@", "a@.com", "a@com."),
    spliced(email),
  );
}

const forgedDates = fc.oneof(
  // prettier-ignore
  fc.constantFrom(
    "", "now", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-30T24:00:00Z", "9999-12-31T23:59:59.999Z",
    "+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.001Z", "-271821-04-20T00:00:00.000Z", "0000-00-00T00:00:00Z",
    "1970-01-01T00:00:00Z", "2026-11-30", "2099-11-30T09:00:00+14:00", "2099-11-30T09:00:00.123456789Z", "1700000000",
    "Infinity", "NaN", " 2099-11-30T09:00:00Z", "2099-11-30T09:00:00Z\u0000", "Tue, 01 Dec 2099 00:00:00 GMT",
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer().map(String),
);

/** The Int's edges and beyond: GraphQL's Int is 32 bits; JSON carries more, and the document even more. */
const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, -0, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1.5, 1e-7, 101),
  fc.constantFrom(
    new RawJson("1e400"),
    new RawJson("-1e400"),
    new RawJson("1e-400"),
    new RawJson("123456789012345678901234567890"),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom("1", "NaN", "Infinity", "0x10", "", true, null),
);

const hostileBoolean = fc.constantFrom<unknown>("true", "false", 1, 0, "", null, [], {}, [true], "yes");

function hostileEnum(type: GraphQLEnumType): fc.Arbitrary<unknown> {
  const names = type.getValues().map((value) => value.name);
  const name = fc.constantFrom(...names);
  return fc.oneof(
    name.map((n) => n.toLowerCase()),
    fc.tuple(name, fc.constantFrom("\u200b", " ", "\u0000", "İ")).map(([n, s]) => `${n}${s}`),
    fc.constantFrom("", "null", "true", "INHERIT_FROM_PARENT", "__proto__", 0, 1, true, null),
    unicodeString,
    name,
  );
}

/**
 * Any JSON value at all, and nesting deeper than any parser or recursive walk should take (a custom scalar, such as
 * DateTime, lets whatever the client sends through to the resolver).
 */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((depth) => new RawJson(`${"[".repeat(depth)}${"]".repeat(depth)}`)),
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => new RawJson(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`)),
);

function hostileString(position: Position, valid: Valid, harvest: Harvest): fc.Arbitrary<unknown> {
  const { name, holder } = position;
  const named = getNamedType(position.type);
  const validText = validLeaf(named, name, holder, valid).map((v) =>
    typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : valid.name,
  );
  const forged: fc.Arbitrary<unknown>[] = [];
  if (named.name === "ID" || /(^id|Id)s?$/.test(name)) forged.push(forgedIds(harvest));
  if (/^(after|before)$|cursor/i.test(name)) forged.push(forgedCursors(harvest));
  if (/paths?$|scope$/i.test(name)) forged.push(forgedPaths(valid));
  if (/emails?$/i.test(name)) forged.push(forgedEmails(valid, harvest));
  if (named.name === "DateTime" || /^(since|until)$|At$/.test(name)) forged.push(forgedDates, anyJson);
  if (/idempotency/i.test(name))
    forged.push(
      fc.constantFrom("", "k".repeat(255), "k".repeat(256), "reused-by-the-fuzz", "\u0000", "#", "İ".repeat(200)),
    );
  if (/csv$/i.test(name))
    forged.push(
      fc.constantFrom(",", ",,,", " , ", "\n", ";", '"a","b"'),
      fc
        .integer({ min: 2, max: 30_000 })
        .map((n) => Array.from({ length: n }, (_, i) => `${i}-c${i}.apps.googleusercontent.com`).join(",")),
    );
  if (/clientid/i.test(name))
    forged.push(
      fc.constantFrom(...valid.clientIds).map((id) => id.toUpperCase()),
      fc.constantFrom(...valid.clientIds).map((id) => ` ${id} `),
      fc.constantFrom(
        "-x.apps.googleusercontent.com",
        "١٢٣-x.apps.googleusercontent.com",
        "１２３-x.apps.googleusercontent.com",
        `${"9".repeat(400)}-x.apps.googleusercontent.com`,
      ),
    );
  return fc.oneof(
    { arbitrary: fc.oneof(...(forged.length === 0 ? [unicodeString] : forged)), weight: 6 },
    { arbitrary: unicodeString, weight: 4 },
    { arbitrary: spliced(validText), weight: 4 },
    { arbitrary: blank, weight: 1 },
    { arbitrary: hugeString, weight: 1 },
  );
}

function hostileLeaf(position: Position, valid: Valid, harvest: Harvest): fc.Arbitrary<unknown> {
  const named = getNamedType(position.type);
  if (isEnumType(named)) return hostileEnum(named);
  switch (named.name) {
    case "Int":
    case "Float":
      return hostileInt;
    case "Boolean":
      return hostileBoolean;
    default:
      return hostileString(position, valid, harvest);
  }
}

/** A hostile value for `position`: its leaf value, the wrong shape, or the wrong amount. */
function hostileValue(position: Position, valid: Valid, harvest: Harvest): fc.Arbitrary<unknown> {
  const { type, name, holder } = position;
  const nullable = isNonNullType(type) ? type.ofType : type;
  const validHere = validValue(type, name, holder, valid);
  const shape = fc.constantFrom<unknown>(undefined, null, 0, "", true, [], {}, [null], [[]]);
  if (isListType(nullable)) {
    const item = nullable.ofType;
    const validItem = validValue(item, name, holder, valid).map((v) => (Array.isArray(v) ? v[0] : v));
    const hostileItem = isInputObjectType(getNamedType(item))
      ? fc.constantFrom<unknown>(null, "", 0, [])
      : hostileLeaf(position, valid, harvest);
    return fc.oneof(
      { arbitrary: shape, weight: 2 },
      { arbitrary: fc.array(hostileItem, { minLength: 1, maxLength: 5 }), weight: 4 },
      { arbitrary: fc.tuple(validHere, hostileItem).map(([list, bad]) => [...(list as unknown[]), bad]), weight: 4 },
      // A single value where a list is expected: GraphQL makes it a list of one.
      { arbitrary: hostileItem, weight: 1 },
      {
        arbitrary: fc.tuple(validItem, fc.integer({ min: 2, max: 100 })).map(([v, n]) => new HugeList(v, n)),
        weight: 1,
      },
      {
        arbitrary: fc.tuple(validItem, fc.integer({ min: 101, max: 40_000 })).map(([v, n]) => new HugeList(v, n)),
        weight: 2,
      },
    );
  }
  if (isInputObjectType(nullable))
    return fc.oneof(
      shape,
      validHere.map((v) => ({ ...(v as object), unknownField: 1 })),
      fc.constant(Object.fromEntries(Object.keys(nullable.getFields()).map((key) => [key, null]))),
      fc.constant([{}, {}]),
      anyJson,
    );
  return fc.oneof(
    { arbitrary: hostileLeaf(position, valid, harvest), weight: 12 },
    { arbitrary: shape, weight: 1 },
    { arbitrary: anyJson, weight: 1 },
  );
}

// ---- cases ----------------------------------------------------------------------------------------------------------

export interface Case {
  /** The positions made hostile, by their paths. */
  hostile: string[];
  /** Per step of the route, its arguments. */
  args: Record<string, unknown>[];
  literals: boolean;
}

const startsWith = (path: string[], prefix: string[]) => prefix.every((segment, i) => path[i] === segment);

/** A value for `type` at `path` that is hostile exactly at `hostile` (paths below `path`), valid elsewhere. */
function valueAt(
  type: GraphQLInputType,
  path: string[],
  positions: Position[],
  hostile: Position[],
  valid: Valid,
  harvest: Harvest,
): fc.Arbitrary<unknown> {
  const here = hostile.find((p) => p.path.length === path.length && startsWith(p.path, path));
  const position = positions.find((p) => p.path.length === path.length && startsWith(p.path, path)) as Position;
  if (here !== undefined) return hostileValue(here, valid, harvest);
  if (!hostile.some((p) => startsWith(p.path, path))) return validValue(type, position.name, position.holder, valid);
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable))
    return fc
      .tuple(
        fc.array(validValue(nullable.ofType, position.name, position.holder, valid), { maxLength: 2 }),
        valueAt(nullable.ofType, path, positions, hostile, valid, harvest),
      )
      .map(([others, bad]) => [...others, bad]);
  if (!isInputObjectType(nullable)) return validValue(type, position.name, position.holder, valid);
  const fields = Object.values(nullable.getFields());
  return fc.record(
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        valueAt(field.type, [...path, field.name], positions, hostile, valid, harvest),
      ]),
    ),
    {
      requiredKeys: fields
        .filter((field) => isNonNullType(field.type) || hostile.some((p) => startsWith(p.path, [...path, field.name])))
        .map((field) => field.name),
    },
  );
}

/**
 * Cases of `site`: mostly one hostile position (each as likely as another), sometimes several; the route's other
 * steps get valid arguments; one case in five writes its values into the document instead of variables.
 */
export function siteCase(site: Site, valid: Valid, harvest: Harvest): fc.Arbitrary<Case> {
  const { positions } = site;
  const one = fc.constantFrom(...positions).map((p) => [p]);
  const hostileSets =
    positions.length === 1
      ? one
      : fc.oneof(
          { arbitrary: one, weight: 9 },
          { arbitrary: fc.subarray(positions, { minLength: 2, maxLength: Math.min(3, positions.length) }), weight: 1 },
        );
  // The steps on the way get valid arguments.
  const before = site.route
    .slice(0, -1)
    .map(({ parent, field }) =>
      fc.record(
        Object.fromEntries(
          field.args.map((arg) => [arg.name, validValue(arg.type, arg.name, `${parent.name}.${field.name}`, valid)]),
        ),
        { requiredKeys: field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name) },
      ),
    );
  const { field } = site.route.at(-1) as Site["route"][number];
  return fc.tuple(hostileSets, fc.nat({ max: 4 })).chain(([hostile, literalDie]) => {
    const last = fc.record(
      Object.fromEntries(
        field.args.map((arg) => [arg.name, valueAt(arg.type, [arg.name], positions, hostile, valid, harvest)]),
      ),
      {
        requiredKeys: field.args
          .filter((arg) => isNonNullType(arg.type) || hostile.some((p) => p.path[0] === arg.name))
          .map((arg) => arg.name),
      },
    );
    return fc.tuple(...before, last).map((args) => ({
      hostile: hostile.map((p) => p.path.join(".")),
      args: args as Record<string, unknown>[],
      literals: literalDie === 0,
    }));
  });
}
