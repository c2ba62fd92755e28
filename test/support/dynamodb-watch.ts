/**
 * Watches, and can break, every DynamoDB command this test process sends, the in-process handler's included: the
 * handler builds its own client, so the hook sits on the document client's class, the one door every Db goes through.
 * Each test file runs in its own worker, so a watch affects only its own file.
 */
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

interface SentCommand {
  /** The command's class name: GetCommand, QueryCommand, ScanCommand, TransactWriteCommand, ... */
  name: string;
  input: Record<string, any>;
}

/** Runs around one command: `proceed` sends it; throw (before or after proceeding) to fail it as DynamoDB would. */
type Interceptor = (command: SentCommand, proceed: () => Promise<unknown>) => Promise<unknown>;

type Send = (command: object, ...rest: unknown[]) => Promise<unknown>;

/** Command names that write. */
const WRITE_COMMANDS = new Set([
  "PutCommand",
  "UpdateCommand",
  "DeleteCommand",
  "BatchWriteCommand",
  "TransactWriteCommand",
]);

export interface DynamoDbWatch {
  /** The commands sent since the watch started or was last reset, in order. */
  readonly sent: SentCommand[];
  reset(): void;
  names(): string[];
  /** The write commands sent since the last reset. */
  writes(): SentCommand[];
  /** Sets (or, with undefined, removes) the interceptor around every command. */
  intercept(interceptor: Interceptor | undefined): void;
  stop(): void;
}

export function watchDynamoDb(): DynamoDbWatch {
  const prototype = DynamoDBDocumentClient.prototype as unknown as { send: Send };
  const hadOwn = Object.prototype.hasOwnProperty.call(prototype, "send");
  const original = prototype.send;
  const sent: SentCommand[] = [];
  let interceptor: Interceptor | undefined;
  prototype.send = function (this: unknown, command: object, ...rest: unknown[]) {
    const entry = { name: command.constructor.name, input: (command as { input?: Record<string, any> }).input ?? {} };
    sent.push(entry);
    const proceed = () => original.call(this, command, ...rest);
    return interceptor === undefined ? proceed() : interceptor(entry, proceed);
  };
  return {
    sent,
    reset: () => void sent.splice(0),
    names: () => sent.map((command) => command.name),
    writes: () => sent.filter((command) => WRITE_COMMANDS.has(command.name)),
    intercept: (next) => void (interceptor = next),
    stop() {
      if (hadOwn) prototype.send = original;
      else delete (prototype as { send?: Send }).send;
    },
  };
}

/** An error as the AWS SDK raises it: its class name in `name`, with the response metadata. */
export function awsError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode } });
}
