/** The deployed Lambda entry point (functions/handler.handler); the local server calls this very export. */
import { loadConfig } from "./config";
import { createHandler } from "./graphql/lambda";

export const handler = createHandler(loadConfig());
