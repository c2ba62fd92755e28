/**
 * The served schema walked for its inputs (issue 12's fuzz, test/integration/schema-inputs.property.test.ts): every
 * field of Query and Mutation that takes arguments, and every field with arguments of the types they reach, is a
 * *site*; every argument of a site and, recursively, every field of its input objects, is a *position*. And the request
 * that reaches a site with given arguments: as variables or written into the document, with a small selection.
 *
 * Nothing here names a field of the schema: a renamed or new field is walked like the others.
 */
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

interface Step {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** A field with arguments, and the way to it from the root: the last step's arguments are the ones fuzzed. */
export interface Site {
  operation: "query" | "mutation";
  route: Step[];
  label: string;
  positions: Position[];
}

/** An argument of a site's field, or a field of an input object below it (lists are crossed without a segment). */
export interface Position {
  /** The argument's name, then input field names. */
  path: string[];
  type: GraphQLInputType;
  /** The argument's or input field's own name. */
  name: string;
  /** What holds it: the input object's name, or the field's coordinate for an argument. */
  holder: string;
}

/** Where a route may lose its way: a list may be empty and a nullable field null, and then nothing below runs. */
function stepWeight(field: GraphQLField<unknown, unknown>): number {
  const nullable = isNonNullType(field.type) ? field.type.ofType : field.type;
  return 1 + (isListType(nullable) ? 4 : 0) + (isNonNullType(field.type) ? 0 : 2);
}

/** The surest route from `root` to every object type it reaches (fewest lists and nullable fields on the way). */
function routesFrom(root: GraphQLObjectType): Map<string, Step[]> {
  const best = new Map<string, { weight: number; route: Step[] }>([[root.name, { weight: 0, route: [] }]]);
  const queue: GraphQLObjectType[] = [root];
  // A few dozen types: relaxing until nothing improves is as good as a priority queue, and as deterministic.
  while (queue.length > 0) {
    const parent = queue.shift() as GraphQLObjectType;
    const from = best.get(parent.name) as { weight: number; route: Step[] };
    for (const field of Object.values(parent.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const weight = from.weight + stepWeight(field);
      if ((best.get(named.name)?.weight ?? Infinity) <= weight) continue;
      best.set(named.name, { weight, route: [...from.route, { parent, field }] });
      queue.push(named);
    }
  }
  return new Map([...best].map(([name, { route }]) => [name, route]));
}

function positionsOf(field: GraphQLField<unknown, unknown>, coordinate: string): Position[] {
  const positions: Position[] = [];
  const walk = (input: GraphQLArgument | GraphQLInputField, path: string[], holder: string, seen: string[]) => {
    positions.push({ path, type: input.type, name: input.name, holder });
    const named = getNamedType(input.type);
    if (!isInputObjectType(named) || seen.includes(named.name)) return;
    for (const inner of Object.values(named.getFields()))
      walk(inner, [...path, inner.name], named.name, [...seen, named.name]);
  };
  for (const arg of field.args) walk(arg, [arg.name], coordinate, []);
  return positions;
}

/**
 * Every site of the schema: the root fields with arguments, then every other field with arguments, reached from Query
 * where it can be (else from Mutation) along the surest route.
 */
export function sitesOf(schema: GraphQLSchema): Site[] {
  const sites: Site[] = [];
  const done = new Set<string>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (root === null || root === undefined) continue;
    const operation = root === schema.getQueryType() ? "query" : "mutation";
    for (const [typeName, route] of routesFrom(root)) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${typeName}.${field.name}`;
        if (field.args.length === 0 || done.has(coordinate)) continue;
        done.add(coordinate);
        const steps = [...route, { parent: type, field }];
        sites.push({
          operation,
          route: steps,
          label: steps.map((step) => `${step.parent.name}.${step.field.name}`).join(" › "),
          positions: positionsOf(field, coordinate),
        });
      }
    }
  }
  return sites;
}

/** The names of every argument and input field: what `extensions.field` of an error may name. */
export function inputNamesOf(schema: GraphQLSchema): Set<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type))
      for (const field of Object.values(type.getFields())) for (const arg of field.args) names.add(arg.name);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) names.add(field.name);
  }
  return names;
}

// ---- values too large to show ---------------------------------------------------------------------------------------

/** A huge string, built only when sent: fast-check's reports show it as its unit and count. */
export class HugeString {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  toJSON(): string {
    return this.unit.repeat(this.count);
  }
  [fc.toStringMethod](): string {
    return `HugeString(${JSON.stringify(this.unit)} × ${this.count})`;
  }
}

/** A huge list of one value. */
export class HugeList {
  constructor(
    readonly item: unknown,
    readonly count: number,
  ) {}
  toJSON(): unknown[] {
    return Array.from({ length: this.count }, () => this.item);
  }
  [fc.toStringMethod](): string {
    return `HugeList(${fc.stringify(this.item)} × ${this.count})`;
  }
}

const RAW_MARK = "@@raw@@";
const RAW_STRING = /"@@raw@@((?:[^"\\]|\\.)*?)@@raw@@"/g;

/** JSON text that JSON.stringify cannot write: a number beyond a double (1e400), nesting deeper than it recurses. */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `${RAW_MARK}${this.text}${RAW_MARK}`;
  }
  [fc.toStringMethod](): string {
    return `RawJson(${this.text.length > 40 ? `${this.text.slice(0, 40)}… (${this.text.length} characters)` : this.text})`;
  }
}

/** Is `value`, or anything in it, larger than any input the API takes (a string over 64 K characters, a list over 1,000)? */
export function holdsHugeInput(value: unknown): boolean {
  if (value instanceof HugeString) return value.unit.length * value.count > 65_536;
  if (value instanceof HugeList) return value.count > 1_000 || holdsHugeInput(value.item);
  if (typeof value === "string") return value.length > 65_536;
  if (Array.isArray(value)) return value.length > 1_000 || value.some(holdsHugeInput);
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsHugeInput);
  return false;
}

// ---- the request ----------------------------------------------------------------------------------------------------

/** Leaf fields of `type` and of the objects it holds, one level down: what an answer shows of it, cheaply. */
function selectionOf(type: GraphQLNamedType, depth = 2): string {
  if (!isObjectType(type)) return "";
  const parts = Object.values(type.getFields())
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [field.name];
      const inner = depth > 1 ? selectionOf(named, depth - 1) : "";
      return inner === "" ? [] : [`${field.name} ${inner}`];
    });
  return `{ ${parts.length === 0 ? "__typename" : parts.join(" ")} }`;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `value` written into the document: enum values bare, anything else as GraphQL writes it, typed or not. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const nullable = type !== undefined && isNonNullType(type) ? type.ofType : type;
  if (value instanceof RawJson) return value.text;
  if (value instanceof HugeString || value instanceof HugeList) return literal(value.toJSON(), type);
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string")
    return nullable !== undefined && isEnumType(nullable) && NAME.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) {
    const item = nullable !== undefined && isListType(nullable) ? nullable.ofType : nullable;
    return `[${value.map((v) => literal(v, item)).join(", ")}]`;
  }
  const fields = nullable !== undefined && isInputObjectType(nullable) ? nullable.getFields() : {};
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const written = entries.map(
    ([key, v]) => `${NAME.test(key) ? key : JSON.stringify(key)}: ${literal(v, fields[key]?.type)}`,
  );
  return `{ ${written.join(", ")} }`;
}

/**
 * The request body reaching `site` with `args` (per step of its route, the step's arguments): as variables declared
 * with each argument's own type, so that GraphQL coerces them, or (`literals`) written into the document. A value left
 * undefined is not sent. Lone surrogates travel as JSON escapes (`\ud800`), as JSON.stringify writes them.
 */
export function requestBody(site: Site, args: Record<string, unknown>[], literals: boolean): string {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  let body = "";
  for (let i = site.route.length - 1; i >= 0; i -= 1) {
    const { field } = site.route[i] as Step;
    const values = args[i] ?? {};
    const given = literals ? field.args.filter((arg) => values[arg.name] !== undefined) : field.args;
    const written = given.map((arg) => {
      if (literals) return `${arg.name}: ${literal(values[arg.name], arg.type)}`;
      const variable = `s${i}_${arg.name}`;
      declarations.push(`$${variable}: ${String(arg.type)}`);
      variables[variable] = values[arg.name];
      return `${arg.name}: $${variable}`;
    });
    const selection = body === "" ? selectionOf(getNamedType(field.type)) : `{ ${body} }`;
    body = `${field.name}${written.length === 0 ? "" : `(${written.join(", ")})`} ${selection}`;
  }
  const query = `${site.operation} Fuzz${declarations.length === 0 ? "" : `(${declarations.join(", ")})`} { ${body} }`;
  return JSON.stringify({ query, variables }).replace(
    RAW_STRING,
    (_, text: string) => JSON.parse(`"${text}"`) as string,
  );
}
