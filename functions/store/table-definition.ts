/**
 * The single table's shape, written once: used by the SST stack, by local table creation and by tests.
 * Plain data with no SDK imports so that infrastructure code can import it.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  /**
   * Items with this attribute (epoch seconds) are removed by DynamoDB's TTL: idempotency records. Not `expiresAt`,
   * which API keys hold as an ISO time that must never delete a key.
   */
  ttlAttribute: "ttl",
  indexes: {
    /** Children of an OU by lower-case name (gsi1pk = C#<customer>#CHILDREN#<parentId>), and its users by email
     * (gsi1pk = C#<customer>#USERS#<orgUnitId>). */
    byParent: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    /** A customer's audit events by time: gsi2pk = C#<customer>#AUDIT, gsi2sk = <ISO time>#<event id>. */
    auditByCustomer: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    /**
     * Every OU by its chain of ids (gsi3pk = C#<customer>#OUS#<shard>, gsi3sk = <root id>/…/<parent id>/<id>): a
     * whole subtree is one key prefix, read from all shards in parallel, whatever its size and depth.
     */
    byAncestry: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  },
} as const;

/** Every key attribute named above, each a string. */
export const keyAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...Object.values(tableDefinition.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];
