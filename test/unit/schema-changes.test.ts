/** The breaking-change check behind `npm run schema:check` (scripts/check-schema-changes.ts), on small schemas. */
import { describe, expect, it } from "vitest";
import { acknowledgedBreakingChanges, schemaChanges, unacknowledged } from "../../scripts/check-schema-changes";

const BEFORE = `
  type Query { orgUnit(orgUnitPath: String): OrgUnit }
  type OrgUnit { id: ID! path: String! legacyPath: String }
  enum Toggle { ON OFF }
`;

describe("schemaChanges", () => {
  it("classes removals and new required arguments as breaking, new enum values as dangerous, additions as safe", async () => {
    const after = `
      type Query { orgUnit(orgUnitPath: String, id: ID!): OrgUnit }
      type OrgUnit { id: ID! path: String! depth: Int! }
      enum Toggle { ON OFF INHERIT }
    `;
    const changes = await schemaChanges(BEFORE, after);
    const byLevel = (level: string) =>
      changes
        .filter((c) => c.level === level)
        .map((c) => c.coordinate)
        .sort();
    expect(byLevel("BREAKING")).toEqual(["OrgUnit.legacyPath", "Query.orgUnit.id"]);
    expect(byLevel("DANGEROUS")).toEqual(["Toggle.INHERIT"]);
    expect(byLevel("NON_BREAKING")).toEqual(["OrgUnit.depth"]);
  });

  it("finds nothing between identical schemas", async () => {
    expect(await schemaChanges(BEFORE, BEFORE)).toEqual([]);
  });
});

describe("acknowledgedBreakingChanges", () => {
  const changelog = `# Changelog

## Unreleased

### Breaking

- \`OrgUnit.legacyPath\`: removed; read \`path\` instead.

### Added

- \`Query.orgUnit.id\`: mentioned here, but not under Breaking.

## 0.1.0

### Breaking

* \`Toggle.MAYBE\`: removed.
`;

  it("reads the coordinates in backticks on list lines under every ### Breaking heading, and nowhere else", () => {
    expect([...acknowledgedBreakingChanges(changelog)].sort()).toEqual(["OrgUnit.legacyPath", "Toggle.MAYBE", "path"]);
  });

  it("lets acknowledged breaking changes pass and stops the others", async () => {
    const after = `
      type Query { orgUnit(orgUnitPath: String, id: ID!): OrgUnit }
      type OrgUnit { id: ID! path: String! }
      enum Toggle { ON OFF }
    `;
    const open = unacknowledged(await schemaChanges(BEFORE, after), acknowledgedBreakingChanges(changelog));
    expect(open.map((c) => c.coordinate)).toEqual(["Query.orgUnit.id"]);
  });
});
