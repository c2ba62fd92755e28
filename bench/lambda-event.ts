/** A GraphQL request as the API Gateway (payload v2) event the local server builds for the handler. */
import { randomUUID } from "node:crypto";
import { toHttpApiEvent } from "../functions/local/http-server";

export const graphqlEvent = (payload: string, apiKey: string, requestId: string = randomUUID()) =>
  toHttpApiEvent(
    {
      method: "POST",
      url: "/graphql",
      headers: { host: "localhost", "content-type": "application/json", "x-api-key": apiKey },
      body: payload,
    },
    requestId,
  );
