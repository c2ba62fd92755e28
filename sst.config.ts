/// <reference path="./.sst/platform/config.d.ts" />
// Entry point for SST: app settings plus composition of the modules in stacks/.
export default $config({
  app(input) {
    return {
      name: "mail-access-api",
      home: "aws",
      // Keep production data if the app is ever removed; throwaway stages clean up fully.
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: ["production"].includes(input?.stage),
    };
  },
  async run() {
    const { table } = await import("./stacks/database");
    const { api, graphqlFunction } = await import("./stacks/api");
    const { alarmTopic, dashboard } = await import("./stacks/monitoring");
    // What docs/operations.md tells an operator to look for.
    return {
      apiUrl: api.url,
      tableName: table.name,
      alarmTopicArn: alarmTopic.arn,
      dashboard: dashboard.dashboardName,
      functionLogGroup: graphqlFunction.nodes.logGroup.apply((group) => group?.name),
      accessLogGroup: api.nodes.logGroup.name,
    };
  },
});
