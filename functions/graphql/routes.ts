/**
 * The HTTP routes of the API, as API Gateway (stacks/api.ts) and the local server (functions/local/http-server.ts)
 * route them to the one Lambda handler. Kept free of imports: the infrastructure type-check reads this file too.
 */
export const ROUTES = [
  // GraphQL over HTTP; a browser's GET (Accept: text/html) gets the playground.
  "POST /graphql",
  "GET /graphql",
  // The playground page and its assets.
  "GET /",
  "GET /playground/{file}",
  // Liveness: no API key needed, no DynamoDB call.
  "GET /health",
  // Readiness: the table answers too; for authenticated callers (functions/graphql/health.ts).
  "GET /health/ready",
] as const;

/** Whether `method path` matches a route; `{name}` matches one path segment. */
export function matchesRoute(method: string, path: string): boolean {
  return ROUTES.some((route) => {
    const [routeMethod, routePath = ""] = route.split(" ");
    if (routeMethod !== method) return false;
    const pattern = routePath.replace(/\{[^}]+\}/g, "[^/]+");
    return new RegExp(`^${pattern}$`).test(path);
  });
}
