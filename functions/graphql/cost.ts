/**
 * What a query asks the API to do, counted before it runs, with the request's variables and every argument's
 * default: each object costs 1 (its scalars come with it), and a list multiplies the cost of what it selects by how
 * many items it may hold
 * (`first`, the length of a list argument such as `emails`, or the most a list of its kind holds). A query whose cost
 * is over the limit is refused before any read (COST_LIMIT_EXCEEDED); what slips past the estimate meets the
 * per-request budgets (functions/store/db.ts: DynamoDB calls; functions/graphql/http.ts: response bytes).
 */
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { ApiError } from "../errors";
import { DEFAULT_PAGE_SIZE, pageSize } from "./pagination";

/** The most items of lists that have no argument bounding them (the tree's depth, an allow-list, …). */
const LIST_BOUNDS: Record<string, number> = { ancestors: 35, allowedOAuthClients: 100, allowedOAuthClientIds: 100 };
/** Lists of a few items (warnings, domains, known clients, changed settings). */
const SHORT_LIST = 10;

function listLength(
  parent: ComplexityEstimatorArgs["type"],
  field: ComplexityEstimatorArgs["field"],
  args: Record<string, unknown>,
): number {
  // A connection's `nodes` and `edges` hold the page its field asked for (`first`), counted there.
  if (parent.name.endsWith("Connection")) return 1;
  if (typeof args.first === "number") return args.first;
  const listArgument = Object.values(args).find(Array.isArray);
  if (listArgument !== undefined) return listArgument.length;
  // Connections take `first`; one asked without it gets the default page.
  if (field.args.some((arg) => arg.name === "first")) return DEFAULT_PAGE_SIZE;
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type)) return 1;
  return LIST_BOUNDS[field.name] ?? SHORT_LIST;
}

function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // A page size out of bounds is refused here, before anything runs, not by the list's resolver: a mutation whose
  // payload asks for `changedOrgUnits(first: 101)` would otherwise commit and then answer an error.
  if (field.args.some((arg) => arg.name === "first")) pageSize(args.first as number | null | undefined);
  // A scalar is read with the object it belongs to; an object (or a list of them) is what may take work.
  if (isLeafType(getNamedType(field.type))) return 0;
  return 1 + listLength(type, field, args) * childComplexity;
}

/**
 * The cost of the operation `operationName` of `document` with `variables`; undefined if the variables do not fit it
 * (execution itself refuses them, before any resolver runs). A page size (`first`) out of bounds anywhere in the
 * operation is BAD_USER_INPUT; any other failure to count is thrown: a query is never let through uncounted.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors !== undefined) return undefined;
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [estimate] });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Refused before anything runs, like a query over the cost limit: a request error (400), not a field's.
    const refusal = error.toGraphQLError();
    refusal.extensions.http = { status: 400 };
    throw refusal;
  }
}

export function costLimitExceeded(cost: number, limit: number): GraphQLError {
  return new ApiError(
    "COST_LIMIT_EXCEEDED",
    `This query may cost ${cost}; at most ${limit} is accepted. Ask for fewer fields, smaller pages (first), or fewer levels of nesting.`,
    { cost, limit },
  ).toGraphQLError();
}
