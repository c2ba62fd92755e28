// The app's single DynamoDB table, shaped by the shared definition the app code and tests also use.
import { keyAttributes, tableDefinition } from "../functions/store/table-definition";
import { config } from "./stage";

export const table = new sst.aws.Dynamo("Table", {
  // DynamoDB only needs the attributes that appear in a key; all of ours are strings.
  fields: Object.fromEntries(keyAttributes.map((name) => [name, "string" as const])),
  primaryIndex: {
    hashKey: tableDefinition.partitionKey,
    rangeKey: tableDefinition.sortKey,
  },
  globalIndexes: Object.fromEntries(
    Object.entries(tableDefinition.indexes).map(([name, index]) => [
      name,
      { hashKey: index.partitionKey, rangeKey: index.sortKey },
    ]),
  ),
  ttl: tableDefinition.ttlAttribute,
  // DynamoDB itself refuses DeleteTable (from the console, the CLI or a stack) until an operator turns this off; the
  // app's `protect` and `retain` only guard against SST.
  deletionProtection: config.tableDeletionProtection,
  transform: {
    // SST 4.17 already turns PITR on by default; pinned so an SST upgrade cannot silently drop it.
    table: { pointInTimeRecovery: { enabled: true } },
  },
});
