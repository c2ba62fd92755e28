/** Progress goes to stderr, with the time of day, so that stdout carries the Markdown tables alone. */
export const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
