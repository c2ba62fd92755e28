/**
 * Profiles (full runs, or --profile): where the server's CPU time goes under load, by package and by function.
 */
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { freePort } from "../../functions/local/dynamodb-local";
import { ApiClient, loadRequests } from "../http-client";
import { startServer, type ServerProcess } from "../processes";
import { summarizeProfile } from "../profile";
import { userEffectiveBody, usersEffectiveBody } from "../queries";
import type { Results } from "../report";
import type { Seeded } from "../seed";
import { BUILD_DIR, ROOT, type Settings } from "../settings";
import { windowAt } from "../timing";

/**
 * The server from its TypeScript sources (so that the profile names packages and files) under --cpu-prof: loaded
 * with single-user requests by autocannon, then with 1000-user queries one at a time; the profile is cut into
 * these two windows (no start-up, no warm-up). The server joins `children`, so that an interrupted run stops it.
 */
export async function profileSection(
  settings: Settings,
  env: NodeJS.ProcessEnv,
  s: Seeded,
  children: ServerProcess[],
): Promise<Results["profiles"]> {
  const dir = join(BUILD_DIR, "server-profile");
  rmSync(dir, { recursive: true, force: true });
  // In production mode, as the deployed bundle is (stacks/function-bundle.ts defines NODE_ENV there).
  const production = { ...env, NODE_ENV: "production" };
  const profiled = await startServer(join(ROOT, "bench", "server.ts"), await freePort(), production, [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
    "--import",
    "tsx",
  ]);
  children.push(profiled);
  const requests = loadRequests(s.apiKey, s.users.slice(0, 64).map(userEffectiveBody));
  const load = (seconds: number) =>
    autocannon({ url: profiled.url, connections: settings.connections, duration: seconds, requests });
  await load(2);
  const single = await profiled.window(() => load(settings.profileSeconds));
  const client = new ApiClient(profiled.url, s.apiKey);
  const thousand = (i: number) => usersEffectiveBody(windowAt(s.users, 1000, i));
  await client.ok(thousand(0));
  const many = await profiled.window(async () => {
    const until = Date.now() + settings.profileSeconds * 1000;
    let sent = 0;
    while (Date.now() < until) await client.ok(thousand((sent += 1)));
    return sent;
  });
  client.close();
  await profiled.stop();
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (file === undefined) throw new Error("The profiled server wrote no profile.");
  const path = join(dir, file);
  return [
    {
      operation: `user effective settings, ${settings.connections} connections`,
      seconds: settings.profileSeconds,
      requests: single.result.requests.total,
      file: path.slice(ROOT.length + 1),
      summary: summarizeProfile(path, { window: single }),
    },
    {
      operation: "1000 users' effective settings, one query at a time",
      seconds: settings.profileSeconds,
      requests: many.result,
      file: path.slice(ROOT.length + 1),
      summary: summarizeProfile(path, { window: many }),
    },
  ];
}
