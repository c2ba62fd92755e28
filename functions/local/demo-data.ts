/**
 * A few OUs and users for the playground's examples (playground/examples.ts), created through the API itself (the
 * Lambda handler, as any client would) the first time the demo organization's root has no child OU.
 */
import { randomUUID } from "node:crypto";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { lambdaContext, toHttpApiEvent, type HttpApiHandler } from "./http-server";

const DEMO_ORG_UNITS = ["/Sales", "/Sales/EMEA", "/Engineering"];
const DEMO_USERS = [
  { email: "ana@example.com", name: "Ana Lima", orgUnitPath: "/Sales/EMEA" },
  { email: "ben@example.com", name: "Ben Okafor", orgUnitPath: "/Engineering" },
];

async function call(
  handler: HttpApiHandler,
  apiKey: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const requestId = randomUUID();
  const event = toHttpApiEvent(
    {
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "x-api-key": apiKey },
      body: JSON.stringify({ query, variables }),
    },
    requestId,
  );
  const result = (await handler(event, lambdaContext(requestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const body = JSON.parse(result.body ?? "{}") as { data?: unknown; errors?: { message: string }[] };
  if (body.errors !== undefined) throw new Error(`Seeding the demo data failed: ${body.errors[0]?.message}`);
  return body.data;
}

/** Returns true when it created the demo data, false when the root already had child OUs. */
export async function seedDemoData(handler: HttpApiHandler, apiKey: string): Promise<boolean> {
  const root = (await call(
    handler,
    apiKey,
    '{ orgUnit(orgUnitPath: "/") { children(first: 1) { nodes { id } } } }',
  )) as {
    orgUnit: { children: { nodes: unknown[] } };
  };
  if (root.orgUnit.children.nodes.length > 0) return false;
  for (const path of DEMO_ORG_UNITS) {
    const at = path.lastIndexOf("/");
    await call(
      handler,
      apiKey,
      "mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }",
      {
        input: { parentOrgUnitPath: path.slice(0, at) || "/", name: path.slice(at + 1) },
      },
    );
  }
  for (const user of DEMO_USERS)
    await call(
      handler,
      apiKey,
      "mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }",
      {
        input: user,
      },
    );
  return true;
}
