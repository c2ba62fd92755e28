/** The per-request context every resolver receives: the services' request, plus what only the GraphQL layer uses. */
import type { Request } from "../services/request";
import type { Db } from "../store/db";
import type { IdempotencyClaim, UnitOfWork } from "../store/unit-of-work";

export interface Context extends Request {
  /** This request's handle on the table: it counts the round trips reported in headers and the request log. */
  readonly db: Db;
  /** The idempotency key sent in the Idempotency-Key header, if any. */
  readonly idempotencyKeyHeader: string | undefined;
  /** Opens the unit of work of one mutation, for the verified caller. */
  unitOfWork(claim: IdempotencyClaim | undefined): Promise<UnitOfWork>;
}
