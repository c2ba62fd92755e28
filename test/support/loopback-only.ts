/** Refuses, inside tests, any TCP connection to an address other than loopback, so no test can reach a real service. */
import net from "node:net";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;

export function assertLoopback(host: string | undefined): void {
  if (host !== undefined && !LOOPBACK.test(host))
    throw new Error(`Tests may only connect to loopback addresses; refused a connection to "${host}".`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const [first] = args;
  const options =
    typeof first === "object" && first !== null && !Array.isArray(first) ? (first as net.TcpNetConnectOpts) : undefined;
  if (options !== undefined && options.port !== undefined) assertLoopback(options.host ?? "localhost");
  else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first)))
    assertLoopback(typeof args[1] === "string" ? args[1] : "localhost");
  return connect.apply(this, args as never);
} as typeof net.Socket.prototype.connect;
