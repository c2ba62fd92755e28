/**
 * Section 2b (issue 15's target 5: configuration groups cost nothing extra). Two users of the deepest spine OU, the
 * same OU chain: one in no configuration group, one in several through nesting (bench/seed-groups.ts). For user
 * effective settings and access decisions: each one's DynamoDB calls (through the recording proxy), and their p50s on
 * the direct server, measured in turns within each run so that the ratio (with groups / without) pairs within a run.
 */
import { countRoundTrips, typical, type Counted, type Counting } from "../count-round-trips";
import { guarded, NONE } from "../failures";
import type { ApiClient } from "../http-client";
import { log } from "../log";
import { decisionBody, userEffectiveBody } from "../queries";
import type { GroupsRow } from "../report";
import type { Seeded } from "../seed";
import type { Settings } from "../settings";
import { figure, ratioFigure } from "../stats";
import { measureRuns } from "../timing";

const NOT_COUNTED: Counted = { calls: Number.NaN, sequential: Number.NaN, pattern: "—" };

async function counted(settings: Settings, counting: Counting, payload: string): Promise<Counted> {
  const counts: Counted[] = [];
  for (let i = 0; i < settings.roundTripRepeats; i += 1) counts.push(await countRoundTrips(counting, payload));
  return typical(counts);
}

export async function groupsSection(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  s: Seeded,
): Promise<GroupsRow[]> {
  const { withGroups, withoutGroups, withGroupsCount } = s.groups;
  const kinds = [
    { operation: "user effective settings", payload: userEffectiveBody },
    { operation: "access decision", payload: decisionBody },
  ];
  const rows: GroupsRow[] = [];
  for (const kind of kinds) {
    const [without, withPayload] = [kind.payload(withoutGroups), kind.payload(withGroups)];
    rows.push(
      await guarded(
        `groups, ${kind.operation}`,
        async (): Promise<GroupsRow> => {
          const counts = {
            without: await counted(settings, counting, without),
            with: await counted(settings, counting, withPayload),
          };
          const m = await measureRuns(settings.runs, settings.samples, {
            without: () => client.ok(without),
            with: () => client.ok(withPayload),
          });
          const [p50Without, p50With] = [m.without?.p50 ?? [], m.with?.p50 ?? []];
          log(
            `  ${kind.operation}: ${counts.without.sequential} sequential without groups, ${counts.with.sequential} ` +
              `in ${withGroupsCount} groups: ${counts.with.pattern}`,
          );
          return {
            operation: kind.operation,
            groups: withGroupsCount,
            ...counts,
            withoutP50: figure(p50Without),
            withP50: figure(p50With),
            ratioP50: ratioFigure(p50With, p50Without),
          };
        },
        (error) => ({
          ...{ operation: kind.operation, error, groups: withGroupsCount, without: NOT_COUNTED, with: NOT_COUNTED },
          ...{ withoutP50: NONE, withP50: NONE, ratioP50: NONE },
        }),
      ),
    );
  }
  return rows;
}
