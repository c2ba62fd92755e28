/**
 * Section 3: scaling. The comparison with the floor for users of the spine OUs at several depths, and for several
 * numbers of users in one query, with the round trips each makes.
 */
import { countRoundTrips, type Counting } from "../count-round-trips";
import { guarded, NONE } from "../failures";
import type { Floor } from "../floor";
import type { ApiClient } from "../http-client";
import { log } from "../log";
import { decisionBody, userEffectiveBody, usersEffectiveBody } from "../queries";
import type { DepthRow, UsersRow } from "../report";
import type { Seeded } from "../seed";
import { DEPTHS, USER_COUNTS, type Settings } from "../settings";
import { figure } from "../stats";
import { at, compare, NO_COMPARISON, windowAt } from "../timing";

async function depthSection(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  floorReads: Floor,
  s: Seeded,
): Promise<DepthRow[]> {
  const rows: DepthRow[] = [];
  for (const d of DEPTHS) {
    const emails = s.usersAtDepth.get(d) ?? [];
    const kinds = [
      {
        operation: "user effective settings",
        payload: (i: number) => userEffectiveBody(at(emails, i)),
        floorCall: (i: number) => floorReads.userEffective(at(emails, i)),
      },
      {
        operation: "access decision",
        payload: (i: number) => decisionBody(at(emails, i)),
        floorCall: (i: number) => floorReads.decision(at(emails, i)),
      },
    ];
    for (const kind of kinds)
      rows.push(
        await guarded(
          `depth ${d}, ${kind.operation}`,
          async () => {
            const seen = await countRoundTrips(counting, kind.payload(0));
            const compared = await compare(
              settings.runs,
              settings.depthSamples,
              (i) => client.ok(kind.payload(i)),
              kind.floorCall,
            );
            return {
              depth: d,
              operation: kind.operation,
              calls: seen.calls,
              sequential: seen.sequential,
              ...compared,
            };
          },
          (error) => ({
            ...{ depth: d, operation: kind.operation, calls: Number.NaN, sequential: Number.NaN, error },
            ...NO_COMPARISON,
          }),
        ),
      );
    log(`  depth ${d} done`);
  }
  return rows;
}

async function usersSection(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  floorReads: Floor,
  s: Seeded,
): Promise<UsersRow[]> {
  const rows: UsersRow[] = [];
  for (const n of USER_COUNTS) {
    // A different window of the (shuffled) users for every request.
    const emailsFor = (i: number) => windowAt(s.users, n, i);
    const payload = (i: number) => usersEffectiveBody(emailsFor(i));
    const count = settings.usersSamples[n] ?? 5;
    const row = await guarded(
      `${n} users in one query`,
      async (): Promise<UsersRow> => {
        const seen = await countRoundTrips(counting, payload(0));
        const compared = await compare(
          settings.runs,
          count,
          (i) => client.ok(payload(i)),
          (i) => floorReads.manyUsers(emailsFor(i)),
        );
        log(`  ${n} users: ${seen.calls} calls, ${seen.sequential} sequential: ${seen.pattern}`);
        return {
          users: n,
          calls: seen.calls,
          sequential: seen.sequential,
          pattern: seen.pattern,
          apiP50: compared.apiP50,
          floorP50: compared.floorP50,
          ratioP50: compared.ratioP50,
          apiPerUserMs: figure(compared.apiP50.runs.map((value) => value / n)),
        };
      },
      (error) => ({
        ...{ users: n, calls: Number.NaN, sequential: Number.NaN, pattern: "—", error },
        ...{ apiP50: NONE, floorP50: NONE, ratioP50: NONE, apiPerUserMs: NONE },
      }),
    );
    rows.push(row);
  }
  return rows;
}

/** By depth first, then by users per query. */
export async function scalingSection(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  floorReads: Floor,
  s: Seeded,
): Promise<{ depth: DepthRow[]; users: UsersRow[] }> {
  const depth = await depthSection(settings, client, counting, floorReads, s);
  const users = await usersSection(settings, client, counting, floorReads, s);
  return { depth, users };
}
