/** Shared pieces of the partner-grade write tests (issue 4): OU set-up, the audit log through the API, figures. */
import { expect } from "vitest";
import type { GraphQLResponse, testCustomer } from "./api";

export type Api = Awaited<ReturnType<typeof testCustomer>>;

/** A valid Google OAuth client id, distinct for each n. */
export const clientId = (n: number) => `${100000 + n}-client${n}x.apps.googleusercontent.com`;

export const EVENT_FIELDS = `id time action setting settingName oldValue newValue orgUnitId orgUnitPath userEmail
  actor { kind id name } requestId idempotencyKey`;

const AUDIT_PAGE = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${EVENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface AuditEventView {
  id: string;
  time: string;
  action: string;
  setting: string | null;
  settingName: string;
  oldValue: string;
  newValue: string;
  orgUnitId: string;
  orgUnitPath: string;
  userEmail: string | null;
  actor: { kind: string; id: string; name: string };
  requestId: string;
  idempotencyKey: string | null;
}

/** Every audit event the filter selects, read page by page through the API (newest first). */
export async function auditEvents(
  api: Api,
  filter: Record<string, unknown> = {},
  first = 100,
): Promise<AuditEventView[]> {
  const events: AuditEventView[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await api.ok(AUDIT_PAGE, { filter, first, after })).auditEvents;
    events.push(...page.edges.map((edge: { node: AuditEventView }) => edge.node));
    if (!page.pageInfo.hasNextPage) return events;
    after = page.pageInfo.endCursor;
  }
}

/** The events of setting changes (of OUs and of users' own settings) the filter selects, newest first. */
export function settingEvents(api: Api, filter: Record<string, unknown> = {}, first = 100) {
  return auditEvents(api, { ...filter, actions: ["MAIL_SETTING_CHANGED", "USER_MAIL_SETTING_CHANGED"] }, first);
}

/** Creates the OUs, parents first (each path's parent must exist or come earlier); returns their ids by path. */
export async function createOrgUnits(api: Api, paths: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const parentOrgUnitPath = path.slice(0, path.lastIndexOf("/")) || "/";
    const data = await api.ok(
      `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
      { input: { parentOrgUnitPath, name } },
    );
    ids.set(path, data.createOrgUnit.orgUnit.id);
  }
  return ids;
}

export async function createUsers(api: Api, orgUnitPath: string, count: number, prefix: string): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
        input: { email: `${prefix}${i}@example.com`, orgUnitPath, name: `${prefix} ${i}` },
      }),
    ),
  );
}

const POLICY_FIELDS = `mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } changedAt }`;

/** The OU's id, version and own policy. */
export async function readOrgUnit(api: Api, path: string) {
  return (
    await api.ok(`query ($path: String) { orgUnit(orgUnitPath: $path) { id path version ${POLICY_FIELDS} } }`, { path })
  ).orgUnit;
}

/** The first error of a response that must have failed. */
export function errorOf(response: Pick<GraphQLResponse, "errors">) {
  expect(response.errors, "expected an error").toBeDefined();
  return response.errors?.[0] as { message: string; path?: string[]; extensions: Record<string, any> };
}

/** Prints the figures of a concurrency run on one line, so that CI logs show them. */
export function printFigures(title: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([name, value]) => `${name}=${value}`);
  console.log(`[figures] ${title}: ${parts.join(" ")}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
