/** Runtime configuration, read once from the environment; nothing else reads process.env. */
import { resolve } from "node:path";

export interface Config {
  /** The DynamoDB table holding every item. */
  tableName: string;
  /** A local DynamoDB endpoint (DynamoDB Local); absent means real DynamoDB in `region`. */
  dynamoDbEndpoint: string | undefined;
  region: string;
  stage: string;
  /** Apollo must not infer these from NODE_ENV, which Lambda does not set. */
  introspection: boolean;
  landingPage: boolean;
  /**
   * Where the built playground is (playground/build.ts): dist/playground locally; in Lambda, PLAYGROUND_DIR relative to
   * the function's code (LAMBDA_TASK_ROOT), where the stack's post-build hook puts it.
   */
  playgroundDir: string;
  includeStackTraces: boolean;
  /** How long a restructuring (rename or move) may hold the OU tree before another writer may resume it. */
  treeLeaseSeconds: number;
  /** OpenID Connect sign-in for administrators; absent: only API keys. */
  oidc:
    | {
        issuer: string;
        audience: string;
        jwksUrl: string;
        /** Tokens older than this (by `iat`) are refused, whatever their `exp`. */
        maxTokenAgeSeconds: number;
        /** How far the provider's clock and ours may disagree, for `exp`, `iat` and `nbf`. */
        clockSkewSeconds: number;
      }
    | undefined;
  /** Query limits (graphql-armor). */
  limits: {
    maxDepth: number;
    /** The most a query may cost before it runs (functions/graphql/cost.ts). */
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    /** The most DynamoDB calls one request may make. */
    maxDynamoDbCalls: number;
    /** The largest answer one request may get, in bytes (Lambda's limit is 6 MB). */
    maxResponseBytes: number;
  };
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new Error(`Expected "true" or "false", got "${value}"`);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number (1 or more); got "${value}"`);
  return parsed;
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a whole number of seconds (1 or more); got "${value}"`);
  return parsed;
}

function bounded(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE ?? "local";
  const nonProduction = stage !== "production";
  return {
    tableName: env.TABLE_NAME ?? "mail-access-local",
    dynamoDbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? "us-east-1",
    stage,
    introspection: flag(env.API_INTROSPECTION, nonProduction),
    landingPage: flag(env.API_LANDING_PAGE, nonProduction),
    // Lambda documents LAMBDA_TASK_ROOT as where the code is; the working directory merely happens to be the same.
    playgroundDir:
      env.LAMBDA_TASK_ROOT === undefined || env.LAMBDA_TASK_ROOT === ""
        ? env.PLAYGROUND_DIR || "dist/playground"
        : resolve(env.LAMBDA_TASK_ROOT, env.PLAYGROUND_DIR || "playground"),
    includeStackTraces: flag(env.API_STACK_TRACES, false),
    treeLeaseSeconds: seconds("TREE_LEASE_SECONDS", env.TREE_LEASE_SECONDS, 120),
    oidc:
      env.OIDC_ISSUER && env.OIDC_AUDIENCE
        ? {
            issuer: env.OIDC_ISSUER,
            audience: env.OIDC_AUDIENCE,
            jwksUrl: env.OIDC_JWKS_URL || `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/jwks.json`,
            maxTokenAgeSeconds: seconds("OIDC_MAX_TOKEN_AGE_SECONDS", env.OIDC_MAX_TOKEN_AGE_SECONDS, 3600),
            clockSkewSeconds: bounded("OIDC_CLOCK_SKEW_SECONDS", env.OIDC_CLOCK_SKEW_SECONDS, 30, 0, 300),
          }
        : undefined,
    limits: {
      maxDepth: positive("API_MAX_DEPTH", env.API_MAX_DEPTH, 15),
      maxCost: positive("API_MAX_COST", env.API_MAX_COST, 25000),
      maxAliases: positive("API_MAX_ALIASES", env.API_MAX_ALIASES, 15),
      maxTokens: positive("API_MAX_TOKENS", env.API_MAX_TOKENS, 2000),
      maxDirectives: positive("API_MAX_DIRECTIVES", env.API_MAX_DIRECTIVES, 50),
      maxDynamoDbCalls: positive("API_MAX_DYNAMODB_CALLS", env.API_MAX_DYNAMODB_CALLS, 500),
      maxResponseBytes: bounded(
        "API_MAX_RESPONSE_BYTES",
        env.API_MAX_RESPONSE_BYTES,
        4 * 1024 * 1024,
        1024,
        5 * 1024 * 1024,
      ),
    },
  };
}
