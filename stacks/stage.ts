// The one place that decides which stage this is, and so which settings it runs with (stacks/stage-config.ts).
import { stageConfig } from "./stage-config";

export const isProduction = $app.stage === "production";

export const config = stageConfig($app.stage);
