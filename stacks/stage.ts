// The one place that decides whether the current stage is production.
export const isProduction = $app.stage === "production";
