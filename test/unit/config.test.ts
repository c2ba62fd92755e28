/** Runtime configuration from explicit environments (never the real process.env). */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../functions/config";

describe("loadConfig", () => {
  it("has local defaults for an empty environment", () => {
    expect(loadConfig({})).toEqual({
      tableName: "mail-access-local",
      dynamoDbEndpoint: undefined,
      region: "us-east-1",
      stage: "local",
      introspection: true,
      landingPage: true,
      playgroundDir: "dist/playground",
      includeStackTraces: false,
      treeLeaseSeconds: 120,
      oidc: undefined,
      limits: {
        maxDepth: 15,
        maxCost: 25000,
        maxAliases: 15,
        maxTokens: 2000,
        maxDirectives: 50,
        maxDynamoDbCalls: 500,
        maxResponseBytes: 4194304,
      },
    });
  });

  it("turns OpenID Connect on with an issuer and an audience, the JWKS at the issuer's well-known address", () => {
    expect(loadConfig({ OIDC_ISSUER: "https://id.example.com/", OIDC_AUDIENCE: "mail-access" }).oidc).toEqual({
      issuer: "https://id.example.com/",
      audience: "mail-access",
      jwksUrl: "https://id.example.com/.well-known/jwks.json",
      maxTokenAgeSeconds: 3600,
      clockSkewSeconds: 30,
    });
    const strict = loadConfig({
      OIDC_ISSUER: "https://id.example.com",
      OIDC_AUDIENCE: "a",
      OIDC_MAX_TOKEN_AGE_SECONDS: "600",
      OIDC_CLOCK_SKEW_SECONDS: "0",
    }).oidc;
    expect(strict).toMatchObject({ maxTokenAgeSeconds: 600, clockSkewSeconds: 0 });
    expect(() =>
      loadConfig({ OIDC_ISSUER: "https://id.example.com", OIDC_AUDIENCE: "a", OIDC_CLOCK_SKEW_SECONDS: "3600" }),
    ).toThrow(/OIDC_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300/);
    expect(loadConfig({ OIDC_ISSUER: "https://id.example.com" }).oidc).toBeUndefined();
  });

  it("reads the query limits, refusing values that are not whole numbers", () => {
    expect(loadConfig({ API_MAX_DEPTH: "8", API_MAX_ALIASES: "3" }).limits).toMatchObject({
      maxDepth: 8,
      maxAliases: 3,
    });
    expect(() => loadConfig({ API_MAX_COST: "lots" })).toThrow(/API_MAX_COST/);
  });

  it("reads the table, endpoint, region, stage and lease from the environment", () => {
    const config = loadConfig({
      TABLE_NAME: "mail-access-dev",
      DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      AWS_REGION: "eu-west-1",
      STAGE: "dev",
      TREE_LEASE_SECONDS: "300",
    });
    expect(config).toMatchObject({
      tableName: "mail-access-dev",
      dynamoDbEndpoint: "http://127.0.0.1:8000",
      region: "eu-west-1",
      stage: "dev",
      treeLeaseSeconds: 300,
    });
  });

  it("reads where the built playground is (beside the handler when deployed)", () => {
    expect(loadConfig({ PLAYGROUND_DIR: "playground" }).playgroundDir).toBe("playground");
  });

  it("finds the playground in the function's code folder in Lambda, whatever the working directory", () => {
    expect(loadConfig({ LAMBDA_TASK_ROOT: "/var/task", PLAYGROUND_DIR: "playground" }).playgroundDir).toBe(
      "/var/task/playground",
    );
    expect(loadConfig({ LAMBDA_TASK_ROOT: "/var/task" }).playgroundDir).toBe("/var/task/playground");
    expect(loadConfig({ LAMBDA_TASK_ROOT: "/var/task", PLAYGROUND_DIR: "/opt/playground" }).playgroundDir).toBe(
      "/opt/playground",
    );
    expect(loadConfig({ LAMBDA_TASK_ROOT: "", PLAYGROUND_DIR: "playground" }).playgroundDir).toBe("playground");
  });

  it("treats an empty DYNAMODB_ENDPOINT as none (real DynamoDB)", () => {
    expect(loadConfig({ DYNAMODB_ENDPOINT: "" }).dynamoDbEndpoint).toBeUndefined();
  });

  it("keeps introspection and the landing page on for any stage but production", () => {
    for (const STAGE of ["local", "dev", "staging", "Production"])
      expect(loadConfig({ STAGE })).toMatchObject({ stage: STAGE, introspection: true, landingPage: true });
  });

  it("turns introspection and the landing page off in production", () => {
    expect(loadConfig({ STAGE: "production" })).toMatchObject({
      stage: "production",
      introspection: false,
      landingPage: false,
      includeStackTraces: false,
    });
  });

  it("turns them back on in production when API_INTROSPECTION and API_LANDING_PAGE say so", () => {
    expect(loadConfig({ STAGE: "production", API_INTROSPECTION: "true" })).toMatchObject({
      introspection: true,
      landingPage: false,
    });
    expect(loadConfig({ STAGE: "production", API_LANDING_PAGE: "true" })).toMatchObject({
      introspection: false,
      landingPage: true,
    });
    expect(loadConfig({ STAGE: "production", API_INTROSPECTION: "1", API_LANDING_PAGE: "1" })).toMatchObject({
      introspection: true,
      landingPage: true,
    });
  });

  it("turns them off outside production when the flags say false", () => {
    expect(loadConfig({ API_INTROSPECTION: "false", API_LANDING_PAGE: "0" })).toMatchObject({
      introspection: false,
      landingPage: false,
    });
  });

  it("keeps production's defaults when the flags are explicitly false or empty", () => {
    expect(loadConfig({ STAGE: "production", API_INTROSPECTION: "false", API_LANDING_PAGE: "" })).toMatchObject({
      introspection: false,
      landingPage: false,
    });
  });

  it("reads an empty flag as unset", () => {
    expect(loadConfig({ API_INTROSPECTION: "", API_STACK_TRACES: "" })).toMatchObject({
      introspection: true,
      includeStackTraces: false,
    });
  });

  it("includes stack traces only when API_STACK_TRACES says so", () => {
    expect(loadConfig({ API_STACK_TRACES: "true" }).includeStackTraces).toBe(true);
    expect(loadConfig({ API_STACK_TRACES: "1" }).includeStackTraces).toBe(true);
    expect(loadConfig({ API_STACK_TRACES: "false" }).includeStackTraces).toBe(false);
    expect(loadConfig({ STAGE: "production", API_STACK_TRACES: "true" }).includeStackTraces).toBe(true);
  });

  it.each([
    ["API_INTROSPECTION", "yes"],
    ["API_LANDING_PAGE", "on"],
    ["API_STACK_TRACES", "TRUE"],
    ["API_STACK_TRACES", " true"],
  ])("refuses %s=%j, which is not a boolean it reads", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(`Expected "true" or "false", got "${value}"`);
  });
});
