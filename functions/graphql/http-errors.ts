/** GraphQL-shaped error answers from the HTTP layer, for requests that never reach Apollo. */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { currentRequest } from "../request-scope";

/** The codes of errors this layer answers before a request reaches Apollo; each is described in graphql/errors.graphql. */
export type HttpErrorCode =
  | "INVALID_JSON"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "NOT_FOUND"
  | "NOT_ACCEPTABLE"
  | "UNAVAILABLE"
  | "BUDGET_EXCEEDED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN";

export const JSON_TYPE = "application/json";
export const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";

/** The client's quality for `type` from an Accept header (1 without one); wildcards count. */
export function quality(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === "") return 1;
  const [major] = type.split("/");
  // The most specific matching range decides (RFC 9110 12.5.1).
  let q = 0;
  let specificity = -1;
  for (const range of accept.split(",")) {
    const [name = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const rangeSpecificity = name === type ? 2 : name === `${major}/*` ? 1 : name === "*/*" ? 0 : -1;
    if (rangeSpecificity < 0) continue;
    const parsed = Number(parameters.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
    const rangeQ = Number.isFinite(parsed) ? parsed : 0;
    if (rangeSpecificity > specificity || (rangeSpecificity === specificity && rangeQ > q)) q = rangeQ;
    specificity = Math.max(specificity, rangeSpecificity);
  }
  return q;
}

/** The media type for an error answer, as the GraphQL-over-HTTP spec and Apollo choose it. */
function errorContentType(accept: string | undefined): string {
  const graphqlResponse = quality(accept, GRAPHQL_RESPONSE_TYPE);
  return graphqlResponse > 0 && graphqlResponse > quality(accept, JSON_TYPE)
    ? `${GRAPHQL_RESPONSE_TYPE}; charset=utf-8`
    : `${JSON_TYPE}; charset=utf-8`;
}

/** A GraphQL-shaped error answer: `{"errors":[{"message","extensions":{"code","requestId"}}]}`. */
export function errorResult(
  status: number,
  code: HttpErrorCode,
  message: string,
  accept?: string,
  extra: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  const record = currentRequest();
  record?.errorCodes.push(code);
  const extensions = { code, ...(record === undefined ? {} : { requestId: record.requestId }), ...extra };
  return {
    statusCode: status,
    headers: { "content-type": errorContentType(accept), "cache-control": "no-store" },
    body: JSON.stringify({ errors: [{ message, extensions }] }),
  };
}
