/**
 * Serves the playground built by playground/build.ts: the page at GET / and GET /graphql (for browsers) and its
 * content-hashed assets at GET /playground/{file}. Everything comes from this origin; the Content-Security-Policy
 * keeps it so.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { errorResult } from "./http-errors";

/** Nothing but this origin: a page that tried to load from a CDN would fail loudly in the browser test. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  // GraphiQL and Monaco set inline styles; their fonts are data: URLs inside the stylesheet.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  ttf: "font/ttf",
  woff: "font/woff",
  woff2: "font/woff2",
};
const ASSET_NAME = /^[A-Za-z0-9_.-]+\.(js|css|ttf|woff2?)$/;

/**
 * The largest answer this function sends. Lambda refuses a synchronous response over 6 MiB, counted on the serialized
 * result (so a body counts base64-encoded), and API Gateway then answers 500; 1 KiB is left for the headers the HTTP
 * layer adds afterwards (functions/graphql/http.ts).
 */
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 1024;

/** The size of `response` as Lambda counts it: the JSON it is serialized to. */
function responseBytes(response: APIGatewayProxyStructuredResultV2): number {
  return Buffer.byteLength(JSON.stringify(response));
}

/** Files read once per Lambda container (a deployed build never changes under a running function). */
const cache = new Map<string, Buffer>();

async function read(path: string): Promise<Buffer | undefined> {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  try {
    const content = await readFile(path);
    cache.set(path, content);
    return content;
  } catch {
    // Not there (yet): asked again next time.
    return undefined;
  }
}

const notBuilt = (dir: string) =>
  errorResult(
    503,
    "UNAVAILABLE",
    `The playground is not built (nothing in ${dir}); run "npm run build:playground", or use POST /graphql.`,
  );

export async function playgroundPage(dir: string): Promise<APIGatewayProxyStructuredResultV2> {
  const page = await read(resolve(dir, "index.html"));
  if (page === undefined) return notBuilt(dir);
  return {
    statusCode: 200,
    headers: {
      "content-type": CONTENT_TYPES.html as string,
      "cache-control": "no-cache",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
    body: page.toString("utf8"),
  };
}

export async function playgroundAsset(
  dir: string,
  name: string,
  acceptEncoding: string | undefined,
): Promise<APIGatewayProxyStructuredResultV2> {
  const extension = ASSET_NAME.exec(name)?.[1];
  if (extension === undefined || name.includes(".."))
    return errorResult(404, "NOT_FOUND", `No playground file ${name}.`);
  const path = join(resolve(dir), name);
  // Gzip when the browser takes it (all do): the app bundle is over 5 MB raw, 6.9 MB base64-encoded.
  const gzip = /\bgzip\b/.test(acceptEncoding ?? "") ? await read(`${path}.gz`) : undefined;
  const content = gzip ?? (await read(path));
  if (content === undefined)
    return (await read(resolve(dir, "index.html"))) === undefined
      ? notBuilt(dir)
      : errorResult(404, "NOT_FOUND", `No playground file ${name}.`);
  const response: APIGatewayProxyStructuredResultV2 = {
    statusCode: 200,
    headers: {
      "content-type": CONTENT_TYPES[extension] as string,
      // Names carry a hash of their content.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      ...(gzip === undefined ? {} : { "content-encoding": "gzip" }),
    },
    body: content.toString("base64"),
    isBase64Encoded: true,
  };
  const bytes = responseBytes(response);
  if (bytes <= MAX_RESPONSE_BYTES) return response;
  // Sent anyway, it would reach the client as API Gateway's bare 500; say instead what would work.
  if (gzip === undefined && (await read(`${path}.gz`)) !== undefined)
    return errorResult(
      406,
      "NOT_ACCEPTABLE",
      `The playground file ${name} takes ${bytes} bytes uncompressed and base64-encoded, more than a Lambda response ` +
        `can carry (${MAX_RESPONSE_BYTES}); request it with "Accept-Encoding: gzip", as browsers do.`,
      undefined,
      { maxBytes: MAX_RESPONSE_BYTES },
    );
  return errorResult(
    503,
    "UNAVAILABLE",
    `The playground file ${name} takes ${bytes} bytes even gzipped, more than a Lambda response can carry ` +
      `(${MAX_RESPONSE_BYTES}); the playground build is too large to serve.`,
  );
}
