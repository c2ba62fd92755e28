/** Creates the table from the shared definition when it is missing (local runs and tests; deployed stages use SST). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { orgUnitItem, toRecord } from "./org-units/records";
import { keyAttributes, tableDefinition } from "./table-definition";

/** Returns true when the table was created, false when it already existed (missing indexes are then added). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const [name, index] of Object.entries(tableDefinition.indexes)) {
      if (existing.has(name)) continue;
      // A table created by an earlier version of the project gets the indexes added since, one at a time.
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: globalIndex(name, index) }],
        }),
      );
      await waitForIndex(client, tableName, name);
      if (name === "byAncestry") await backfillAncestry(client, tableName);
    }
    await ensureTimeToLive(client, tableName);
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributeDefinitions(),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
        { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: Object.entries(tableDefinition.indexes).map(([name, index]) => globalIndex(name, index)),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  await ensureTimeToLive(client, tableName);
  return true;
}

/** OU records written before the byAncestry index existed get its key attributes (a local table of an older version). */
async function backfillAncestry(client: DynamoDBClient, tableName: string): Promise<void> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "sk = :ou AND attribute_not_exists(gsi3pk)",
        ExpressionAttributeValues: { ":ou": { S: "OU" } },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const record = unmarshall(item);
      const customerId = String(record.pk).split("#")[1] as string;
      const indexed = orgUnitItem(customerId, toRecord(record));
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { pk: { S: String(record.pk) }, sk: { S: "OU" } },
          UpdateExpression: "SET gsi3pk = :pk, gsi3sk = :sk",
          ExpressionAttributeValues: { ":pk": { S: String(indexed.gsi3pk) }, ":sk": { S: String(indexed.gsi3sk) } },
        }),
      );
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
}

/** Turns TTL on for the definition's attribute (a table made before the attribute was renamed gets the new one). */
async function ensureTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const { TimeToLiveDescription: ttl } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const wanted = tableDefinition.ttlAttribute;
  const on = ttl?.TimeToLiveStatus === "ENABLED" || ttl?.TimeToLiveStatus === "ENABLING";
  if (on && ttl?.AttributeName === wanted) return;
  if (on && ttl?.AttributeName !== undefined)
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: false },
      }),
    );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: wanted, Enabled: true },
    }),
  );
}

function attributeDefinitions() {
  return keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" as const }));
}

function globalIndex(name: string, index: { partitionKey: string; sortKey: string }) {
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: "HASH" as const },
      { AttributeName: index.sortKey, KeyType: "RANGE" as const },
    ],
    Projection: { ProjectionType: "ALL" as const },
  };
}

async function waitForIndex(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
    if (index?.IndexStatus === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Index ${indexName} of ${tableName} did not become active within a minute.`);
}
