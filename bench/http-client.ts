/** Sends GraphQL requests over loopback HTTP, one connection kept alive, and times each from send to last byte. */
import { Agent, request } from "node:http";
import { elapsedMs } from "./stats";

export interface ApiResponse {
  status: number;
  /** The API's own count of DynamoDB calls for this request (x-dynamodb-round-trips). */
  roundTrips: number;
  /** The API's own count of the calls made one after another (x-dynamodb-sequential-round-trips). */
  sequentialRoundTrips: number;
  body: string;
  ms: number;
}

export class ApiClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly url: string,
    readonly apiKey: string,
  ) {}

  post(payload: string): Promise<ApiResponse> {
    const start = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: "POST",
          agent: this.agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            "x-api-key": this.apiKey,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              roundTrips: Number(res.headers["x-dynamodb-round-trips"] ?? Number.NaN),
              sequentialRoundTrips: Number(res.headers["x-dynamodb-sequential-round-trips"] ?? Number.NaN),
              body: Buffer.concat(chunks).toString("utf8"),
              ms: elapsedMs(start),
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** Like post, but fails unless the answer is a 200 without GraphQL errors. */
  async ok(payload: string): Promise<ApiResponse> {
    const response = await this.post(payload);
    const parsed = JSON.parse(response.body) as { errors?: { message: string }[] };
    if (response.status !== 200 || parsed.errors !== undefined)
      throw new Error(`The API answered ${response.status}: ${response.body.slice(0, 500)}`);
    return response;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The same requests for autocannon, which cycles over them: one per body. */
export const loadRequests = (apiKey: string, bodies: readonly string[]) =>
  bodies.map((body) => ({
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", "x-api-key": apiKey },
    body,
  }));
