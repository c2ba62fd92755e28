/**
 * The handler writes one log line and a few EMF metric lines per request straight to stdout (Powertools' own console,
 * not the global one): thousands of them would bury the test output, so they are dropped here, in every test process
 * of the integration tests; warnings and errors still show. A test that reads them captures stdout itself
 * (test/support/output.ts), which sees them before this filter does.
 */
type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

const write = process.stdout.write.bind(process.stdout) as Write;

function isRequestLine(chunk: unknown): boolean {
  return (
    typeof chunk === "string" &&
    (chunk.startsWith('{"_aws":') || chunk.startsWith('{"level":"INFO","message":"request"'))
  );
}

process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  isRequestLine(chunk) || write(chunk, ...rest)) as typeof process.stdout.write;
