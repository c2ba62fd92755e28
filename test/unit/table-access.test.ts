/**
 * Least privilege on the table: the IAM actions the stack grants, and the operations its DynamoDB alarms watch
 * (functions/store/table-access.ts), are exactly those of the commands the function's code sends, found by reading
 * its source. A new command fails this test until it is listed there (and known here), and a command no longer sent
 * fails it until its grant is removed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TABLE_ACTIONS, TABLE_OPERATIONS } from "../../functions/store/table-access";

const FUNCTIONS = fileURLToPath(new URL("../../functions/", import.meta.url));

/**
 * Code that never runs in Lambda with the stack's grant: the local server (functions/local/) and the table creation
 * it uses for DynamoDB Local (store/table.ts: DescribeTable, CreateTable, UpdateTable, UpdateTimeToLive); deployed
 * tables come from the stack.
 */
const NOT_IN_LAMBDA = [/^local\//, /^store\/table\.ts$/];

/**
 * Every item command of @aws-sdk/lib-dynamodb and @aws-sdk/client-dynamodb: the operation it sends and the IAM
 * actions that authorize it (AWS Service Authorization Reference for DynamoDB; "Using IAM with DynamoDB
 * transactions": a transaction's items are authorized as PutItem, UpdateItem, DeleteItem, ConditionCheckItem and
 * GetItem, and there is no TransactWriteItems action). The store's `transact` takes any kind of item, so a
 * TransactWrite needs all four write actions.
 */
const COMMANDS: Record<string, { operation: string; actions: string[] }> = {
  GetCommand: { operation: "GetItem", actions: ["GetItem"] },
  PutCommand: { operation: "PutItem", actions: ["PutItem"] },
  UpdateCommand: { operation: "UpdateItem", actions: ["UpdateItem"] },
  DeleteCommand: { operation: "DeleteItem", actions: ["DeleteItem"] },
  QueryCommand: { operation: "Query", actions: ["Query"] },
  ScanCommand: { operation: "Scan", actions: ["Scan"] },
  BatchGetCommand: { operation: "BatchGetItem", actions: ["BatchGetItem"] },
  BatchWriteCommand: { operation: "BatchWriteItem", actions: ["BatchWriteItem"] },
  TransactGetCommand: { operation: "TransactGetItems", actions: ["GetItem"] },
  TransactWriteCommand: {
    operation: "TransactWriteItems",
    actions: ["PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem"],
  },
};
// The same operations under client-dynamodb's names (GetItemCommand, TransactWriteItemsCommand, ...).
for (const entry of Object.values({ ...COMMANDS })) COMMANDS[`${entry.operation}Command`] = entry;

/** The command classes the function's code constructs (`new XxxCommand(`), by file. */
function commandsSent(): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const file of readdirSync(FUNCTIONS, { recursive: true, encoding: "utf8" })) {
    const path = file.split("\\").join("/");
    if (!path.endsWith(".ts") || NOT_IN_LAMBDA.some((pattern) => pattern.test(path))) continue;
    const source = readFileSync(join(FUNCTIONS, path), "utf8");
    for (const [, command] of source.matchAll(/\bnew\s+(\w+Command)\s*\(/g))
      sent.set(command as string, [...(sent.get(command as string) ?? []), path]);
  }
  return sent;
}

describe("the table grant", () => {
  const sent = commandsSent();

  it("finds the commands the store sends (the scan itself works)", () => {
    expect(sent.get("GetCommand")?.length).toBeGreaterThan(0);
    expect(sent.has("CreateTableCommand")).toBe(false);
  });

  it("knows every command the code sends", () => {
    expect([...sent.keys()].filter((command) => COMMANDS[command] === undefined)).toEqual([]);
  });

  it("lists exactly the operations the code sends (the ones the DynamoDB alarms watch)", () => {
    const operations = new Set([...sent.keys()].map((command) => COMMANDS[command]?.operation));
    expect([...TABLE_OPERATIONS].sort()).toEqual([...operations].sort());
  });

  it("grants exactly the IAM actions those operations need: no more (no DeleteTable), no less", () => {
    const actions = new Set([...sent.keys()].flatMap((command) => COMMANDS[command]?.actions ?? []));
    expect([...TABLE_ACTIONS].sort()).toEqual([...actions].map((action) => `dynamodb:${action}`).sort());
    expect(new Set(TABLE_ACTIONS).size).toBe(TABLE_ACTIONS.length);
  });
});
