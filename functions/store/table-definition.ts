/**
 * The single table's shape, written once: used by the SST stack, by local table creation and by tests.
 * Plain data with no SDK imports so that infrastructure code can import it.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Items with this attribute (epoch seconds) are removed by DynamoDB's TTL. */
  ttlAttribute: "expiresAt",
  indexes: {
    /** Children of an OU, ordered by name: gsi1pk = C#<customer>#CHILDREN#<parentId>, gsi1sk = name. */
    byParent: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  },
} as const;

export type IndexName = keyof typeof tableDefinition.indexes;

/** Every key attribute named above, each a string. */
export const keyAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...Object.values(tableDefinition.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
