/**
 * What the function does to its table, written once for the stack that grants it (stacks/api.ts) and alarms on it
 * (stacks/monitoring.ts). Plain data with no SDK imports, so that infrastructure code can import it.
 * test/unit/table-access.test.ts derives both lists from the commands the code sends, so a new kind of request fails
 * it until it is listed here.
 */

/** The DynamoDB operations the store sends (its SDK commands), the names DynamoDB's metrics use as `Operation`. */
export const TABLE_OPERATIONS = [
  "GetItem",
  "BatchGetItem",
  "Query",
  "UpdateItem",
  "TransactWriteItems",
  "BatchWriteItem",
] as const;

/**
 * The IAM actions the store's DynamoDB operations need on the table and its indexes, and nothing else (not
 * `dynamodb:*`, which includes DeleteTable). A transaction is authorized item by item: its Put, Update, Delete and
 * ConditionCheck items need PutItem, UpdateItem, DeleteItem and ConditionCheckItem; there is no TransactWriteItems
 * action.
 */
export const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:UpdateItem",
  "dynamodb:PutItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:BatchWriteItem",
] as const;
