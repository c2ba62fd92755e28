/**
 * The benchmark's closing table: each of issue 15's targets, the figure this run reached and whether it is met (the
 * median of the runs decides). bench/README.md explains what limits the targets that are not.
 */
import type { Results, RoundTripRow, SubtreeOperation } from "./report";
import { formatFigure, type Figure } from "./stats";

interface TargetRow {
  target: string;
  figure: string;
  /** Undefined when the measurement is missing or failed. */
  met: boolean | undefined;
}

const MAX_SEQUENTIAL = 6;
const MAX_SUBTREE_TO_LEAF = 3;
const MAX_COLD_START = 1.3;
const MAX_THOUSAND_USERS = 1.5;
const MIN_THROUGHPUT = 0.9;
/** Target 5: a user's reads in configuration groups cost no more than without, within the noise of a run. */
const MAX_GROUPS_RATIO = 1.2;

const x = (f: Figure) => `${formatFigure(f, 2)}×`;
const measured = (f: Figure | undefined): f is Figure => f !== undefined && Number.isFinite(f.median);

function subtreeRows(r: Results, kind: SubtreeOperation["kind"]): TargetRow[] {
  const find = (at: SubtreeOperation["at"]): RoundTripRow | undefined =>
    r.roundTrips.find((row) => row.subtree?.kind === kind && row.subtree.at === at && row.error === undefined);
  const [leaf, ten, largest] = [find("leaf"), find("ten"), find("largest")];
  const where = kind === "move" ? "the largest department" : "the root of the whole tree";
  const rows: TargetRow[] = [
    {
      target: `${kind} at ${where}: ≤ ${MAX_SEQUENTIAL} sequential DynamoDB calls`,
      figure: largest === undefined ? "—" : `${largest.sequential} sequential (${largest.calls} calls)`,
      met: largest === undefined ? undefined : largest.sequential <= MAX_SEQUENTIAL,
    },
    {
      target: `${kind}: the same sequential calls at ${where} as at an OU with 10 below`,
      figure: largest === undefined || ten === undefined ? "—" : `${largest.sequential} against ${ten.sequential}`,
      met: largest === undefined || ten === undefined ? undefined : largest.sequential === ten.sequential,
    },
  ];
  const ratio =
    largest === undefined || leaf === undefined ? Number.NaN : largest.latencyMs.median / leaf.latencyMs.median;
  rows.push({
    target: `${kind} at ${where}: p50 ≤ ${MAX_SUBTREE_TO_LEAF}× the same at a leaf`,
    figure: Number.isFinite(ratio)
      ? `${ratio.toFixed(2)}× (${formatFigure(largest?.latencyMs as Figure, 0)} against ${formatFigure(leaf?.latencyMs as Figure, 1)} ms)`
      : "—",
    met: Number.isFinite(ratio) ? ratio <= MAX_SUBTREE_TO_LEAF : undefined,
  });
  return rows;
}

function targetRows(r: Results): TargetRow[] {
  const rows = (["policy update", "dry run", "bulk apply", "move"] as const).flatMap((kind) => subtreeRows(r, kind));
  const cold = r.coldStart;
  rows.push({
    target: `cold start ≤ ${MAX_COLD_START}× the hello-world Apollo Lambda, to first answer`,
    figure:
      cold === undefined
        ? "—"
        : `${x(cold.ratioTotal)} (${formatFigure(cold.handler.totalMs, 0)} against ${formatFigure(cold.hello.totalMs, 0)} ms; ` +
          `import ${formatFigure(cold.handler.importMs, 0)} ms; ${(cold.handler.bytes / 1024).toFixed(0)} KiB loaded)`,
    met: cold === undefined || !measured(cold.ratioTotal) ? undefined : cold.ratioTotal.median <= MAX_COLD_START,
  });
  const thousand = r.scaling.users.find((row) => row.users === 1000);
  rows.push({
    target: `1,000 users in one query ≤ ${MAX_THOUSAND_USERS}× the floor`,
    figure: measured(thousand?.ratioP50) ? `${x(thousand.ratioP50)} (${thousand.sequential} sequential calls)` : "—",
    met: measured(thousand?.ratioP50) ? thousand.ratioP50.median <= MAX_THOUSAND_USERS : undefined,
  });
  for (const row of r.groups ?? [])
    rows.push({
      target:
        `groups cost nothing extra: ${row.operation} of a user in ${row.groups} nested groups, the same sequential ` +
        `calls as in none and p50 ≤ ${MAX_GROUPS_RATIO}×`,
      figure: measured(row.ratioP50)
        ? `${row.with.sequential} against ${row.without.sequential} sequential (${row.with.calls} against ` +
          `${row.without.calls} calls); p50 ${x(row.ratioP50)} (${formatFigure(row.withP50, 2)} against ` +
          `${formatFigure(row.withoutP50, 2)} ms)`
        : "—",
      met: measured(row.ratioP50)
        ? row.with.sequential === row.without.sequential && row.ratioP50.median <= MAX_GROUPS_RATIO
        : undefined,
    });
  for (const row of r.throughput)
    rows.push({
      target: `throughput ≥ ${MIN_THROUGHPUT}× the floor: ${row.operation}, ${row.connections} connections`,
      figure: measured(row.ratioRps)
        ? `${x(row.ratioRps)} (${formatFigure(row.apiRps, 0)} req/s; server peak RSS ${formatFigure(row.peakRssMiB, 0)} MiB)`
        : "—",
      met: measured(row.ratioRps) ? row.ratioRps.median >= MIN_THROUGHPUT : undefined,
    });
  return rows;
}

/** The closing table, as Markdown. */
export function closingTable(r: Results): string {
  const rows = targetRows(r);
  const met = rows.filter((row) => row.met === true).length;
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [
    `### Issue 15's targets: ${met} of ${rows.length} met\n`,
    line(["target", "figure", "met?"]),
    line(["---", "---", "---"]),
    ...rows.map((row) => line([row.target, row.figure, row.met === undefined ? "—" : row.met ? "yes" : "**no**"])),
  ].join("\n");
}
