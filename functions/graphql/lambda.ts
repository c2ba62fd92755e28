/** Builds the Lambda handler: Apollo Server behind API Gateway HTTP API (payload v2), one context per request. */
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { Config } from "../config";
import { ApiError } from "../errors";
import { getCustomer } from "../store/customers";
import { createDocumentClient, Db } from "../store/db";
import { AuditStore } from "../store/audit";
import { IdempotencyStore } from "../store/idempotency";
import { OrgUnitStore } from "../store/org-units";
import { UserStore } from "../store/users";
import { createAuthenticator } from "./authenticate";
import type { Context } from "./context";
import { createHttpHandler } from "./http";
import { createServer } from "./server";

/** Runs `load` on first call only; later calls share its promise. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

const unauthenticated = (message: string) => new ApiError("UNAUTHENTICATED", message).toGraphQLError();

export function createHandler(config: Config) {
  const client = createDocumentClient(config);
  const server = createServer(config);
  const now = () => new Date();
  const treeSettings = { leaseSeconds: config.treeLeaseSeconds, now };
  const authenticate = createAuthenticator(config, now);

  const apollo = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    async context({ event }): Promise<Context> {
      const db = new Db(client, config.tableName);
      const session = await authenticate(event, db, new Db(client, config.tableName));
      const { customerId } = session;
      const requestId = event.requestContext.requestId;
      const { actor } = session;
      return {
        requestId,
        customerId,
        // Filled in once `authenticated` has resolved; until then it holds no rights at all.
        actor,
        authenticated: session.ready,
        db,
        customer: once(async () => {
          const customer = await getCustomer(db, customerId);
          if (customer === null) throw unauthenticated("The caller's organization no longer exists.");
          return customer;
        }),
        orgUnits: new OrgUnitStore(db, customerId, treeSettings),
        users: new UserStore(db, customerId, now),
        audit: new AuditStore(db, customerId),
        idempotency: new IdempotencyStore(db, customerId, actor, now),
        idempotencyKeyHeader: event.headers["idempotency-key"] || undefined,
        write: { actor, requestId },
        now,
      };
    },
  });
  // In front of Apollo: the playground, the health check, GraphQL-shaped HTTP errors and the request log.
  return createHttpHandler(config, client, apollo);
}
