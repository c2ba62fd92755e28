/** Starts DynamoDB Local (in memory) once per test run and creates the table; refuses any endpoint but a local one. */
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../functions/local/dynamodb-local";
import { createDocumentClient } from "../../functions/store/db";
import { ensureTable } from "../../functions/store/table";
import { assertLoopback } from "./loopback-only";

export const TEST_TABLE = "mail-access-test";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    tableName: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DYNAMODB_ENDPOINT;
  const database = external === undefined ? await startDynamoDbLocal() : undefined;
  const endpoint = external ?? (database?.endpoint as string);
  assertLoopback(new URL(endpoint).hostname);
  await ensureTable(createDocumentClient({ dynamoDbEndpoint: endpoint, region: "us-east-1" }), TEST_TABLE);
  project.provide("dynamoDbEndpoint", endpoint);
  project.provide("tableName", TEST_TABLE);
  return async () => database?.stop();
}
