/** Builds the Lambda handler: Apollo Server behind API Gateway HTTP API (payload v2), one context per request. */
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { Config } from "../config";
import { ApiError } from "../errors";
import { currentRequest } from "../request-scope";
import { AdminRoleStore } from "../store/admin-roles";
import { ApiKeyStore } from "../store/api-keys";
import { AuditStore } from "../store/audit";
import { CustomerStore } from "../store/customers";
import { createDocumentClient, Db } from "../store/db";
import { GroupFanOut } from "../store/groups/fan-out";
import { GroupStore } from "../store/groups/reads";
import { GroupWrites } from "../store/groups/writes";
import { IdempotencyStore } from "../store/idempotency";
import { PolicyWrites } from "../store/org-units/policy-writes";
import { OrgUnitStore } from "../store/org-units/reads";
import { TreeRestructure } from "../store/org-units/restructure";
import { OrgUnitWrites } from "../store/org-units/writes";
import { UnitOfWork } from "../store/unit-of-work";
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

/** `client` is the DynamoDB client to use (tests give one whose calls they can break); by default one for `config`. */
export function createHandler(config: Config, client = createDocumentClient(config)) {
  const server = createServer(config);
  const now = () => new Date();
  const authenticate = createAuthenticator(config, now);

  const apollo = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    async context({ event }): Promise<Context> {
      const db = new Db(client, config.tableName, config.limits.maxDynamoDbCalls);
      // Known to the request log and metrics at once, so that a caller refused here is reported with its reads too.
      const record = currentRequest();
      if (record !== undefined) record.db = db;
      const session = await authenticate(event, db, new Db(client, config.tableName));
      const { customerId } = session;
      const requestId = event.requestContext.requestId;
      // Queries read each OU record once (a snapshot); writes, and the rename/move protocol, read afresh.
      const orgUnits = new OrgUnitStore(db, customerId, { snapshot: true });
      const tree = new TreeRestructure(db, customerId, orgUnits.fresh(), {
        leaseSeconds: config.treeLeaseSeconds,
        now,
      });
      const groupFanOut = new GroupFanOut(db, customerId, { leaseSeconds: config.treeLeaseSeconds, now });
      const idempotency = new IdempotencyStore(db, customerId, now);
      return {
        requestId,
        customerId,
        caller: session.caller,
        callerPlacement: session.callerPlacement,
        now,
        customer: once(async () => {
          const customer = await new CustomerStore(db, now).get(customerId);
          if (customer === null) throw unauthenticated("The caller's organization no longer exists.");
          return customer;
        }),
        orgUnits,
        orgUnitWrites: new OrgUnitWrites(customerId, now, () => tree.finishStalled()),
        policyWrites: new PolicyWrites(customerId, now),
        tree,
        users: new UserStore(db, customerId, now),
        groups: new GroupStore(db, customerId, { snapshot: true }),
        groupWrites: new GroupWrites(customerId, now, () => groupFanOut.finishStalled()),
        groupFanOut,
        audit: new AuditStore(db, customerId),
        apiKeys: new ApiKeyStore(db, customerId, now),
        adminRoles: new AdminRoleStore(db, customerId, now),
        db,
        idempotencyKeyHeader: event.headers["idempotency-key"] || undefined,
        unitOfWork: async (claim) =>
          new UnitOfWork(
            db,
            customerId,
            await session.caller(),
            requestId,
            now,
            claim === undefined ? undefined : { store: idempotency, claim },
          ),
      };
    },
  });
  // In front of Apollo: the playground, the health checks, GraphQL-shaped HTTP errors, the request log and metrics.
  return createHttpHandler(config, { client, authenticate }, apollo);
}
