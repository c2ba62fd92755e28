/**
 * `npm run schema:check`: no breaking change to the published contract (schema.graphql) goes unacknowledged.
 *
 * Compares every committed version of schema.graphql with the one before it (first-parent history, from the commit
 * that added CHANGELOG.md on), and the working copy with HEAD, using GraphQL Inspector. Each change it classes as
 * breaking must be named by its schema coordinate, in backticks, on a line under a `### Breaking` heading of
 * CHANGELOG.md. Checking the whole history rather than HEAD~1 means a breaking change cannot slip through in the
 * middle of a push of several commits; it needs the full history, which a fresh clone has (a shallow one is refused).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

export interface SchemaChange {
  /** The schema coordinate: `Type`, `Type.field`, `Type.field.argument` or `Enum.VALUE`. */
  coordinate: string;
  message: string;
  level: "BREAKING" | "DANGEROUS" | "NON_BREAKING";
}

export async function schemaChanges(oldSdl: string, newSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  return changes.map((change) => ({
    coordinate: change.path ?? "(schema)",
    message: change.message,
    level:
      change.criticality.level === CriticalityLevel.Breaking
        ? "BREAKING"
        : change.criticality.level === CriticalityLevel.Dangerous
          ? "DANGEROUS"
          : "NON_BREAKING",
  }));
}

/** The coordinates named in backticks on the list lines under every `### Breaking` heading of a changelog. */
export function acknowledgedBreakingChanges(changelog: string): Set<string> {
  const acknowledged = new Set<string>();
  let inBreaking = false;
  for (const line of changelog.split("\n")) {
    if (/^#{1,6}\s/.test(line)) inBreaking = /^###\s+Breaking\b/i.test(line);
    else if (inBreaking && /^\s*[-*]\s/.test(line))
      for (const match of line.matchAll(/`([^`]+)`/g)) if (match[1] !== undefined) acknowledged.add(match[1]);
  }
  return acknowledged;
}

export function unacknowledged(changes: SchemaChange[], acknowledged: Set<string>): SchemaChange[] {
  return changes.filter((change) => change.level === "BREAKING" && !acknowledged.has(change.coordinate));
}

const SCHEMA = "schema.graphql";
const CHANGELOG = "CHANGELOG.md";

function git(...args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function schemaAt(commit: string): string | undefined {
  try {
    return git("show", `${commit}:${SCHEMA}`);
  } catch {
    return undefined;
  }
}

/** The steps to check: [label, old SDL, new SDL], oldest first. */
function steps(root: string): [string, string, string][] {
  if (git("rev-parse", "--is-shallow-repository") === "true")
    throw new Error("The clone is shallow: the check needs the schema's history (git fetch --unshallow).");
  const found: [string, string, string][] = [];
  const since = git("log", "--diff-filter=A", "--format=%H", "--", CHANGELOG).split("\n").filter(Boolean).at(-1);
  if (since !== undefined)
    for (const commit of git("log", "--first-parent", "--reverse", "--format=%H", "--", SCHEMA).split("\n")) {
      if (commit === "") continue;
      try {
        git("merge-base", "--is-ancestor", since, commit);
      } catch {
        continue; // Older than the changelog: not checked.
      }
      const before = schemaAt(`${commit}^`);
      const after = schemaAt(commit);
      if (before !== undefined && after !== undefined)
        found.push([`${commit.slice(0, 8)} ${git("log", "-1", "--format=%s", commit)}`, before, after]);
    }
  const head = schemaAt("HEAD");
  const working = readFileSync(resolve(root, SCHEMA), "utf8");
  if (head !== undefined && head.trim() !== working.trim()) found.push(["working copy (not committed)", head, working]);
  return found;
}

async function main(): Promise<number> {
  const root = git("rev-parse", "--show-toplevel");
  const acknowledged = acknowledgedBreakingChanges(readFileSync(resolve(root, CHANGELOG), "utf8"));
  let failures = 0;
  const checked = steps(root);
  for (const [label, before, after] of checked) {
    const changes = await schemaChanges(before, after);
    const count = (level: SchemaChange["level"]) => changes.filter((c) => c.level === level).length;
    console.log(
      `${label}: ${count("BREAKING")} breaking, ${count("DANGEROUS")} dangerous, ${count("NON_BREAKING")} safe`,
    );
    for (const change of changes.filter((c) => c.level !== "NON_BREAKING"))
      console.log(
        `  ${change.level === "BREAKING" ? (acknowledged.has(change.coordinate) ? "breaking (acknowledged)" : "BREAKING, NOT ACKNOWLEDGED") : "dangerous"}: \`${change.coordinate}\` ${change.message}`,
      );
    failures += unacknowledged(changes, acknowledged).length;
  }
  if (failures > 0) {
    console.error(
      `\n${failures} breaking change(s) to ${SCHEMA} are not acknowledged. If they are intended, list each coordinate in ${CHANGELOG} under "### Breaking", e.g.\n\n### Breaking\n\n- \`Type.field\`: removed; use \`Type.other\` instead.\n`,
    );
    return 1;
  }
  console.log(`Schema contract: ${checked.length} change(s) of ${SCHEMA} checked, no unacknowledged breaking change.`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
