/**
 * Who may do what is decided in the services and nowhere else: each verb first names the rule it needs (below), then
 * checks the OU scope of what it reads or changes (`assertOrgUnitAccess`). The rules are pure: functions/domain/access.ts.
 */
import { assertAllowed, type AccessRule } from "../domain/access";
import type { Actor } from "../domain/customer";
import type { Request } from "./request";

/** The verified caller, if `rule` allows it to `action` (e.g. "create organizational units"); FORBIDDEN otherwise. */
export async function authorize(request: Request, rule: AccessRule, action: string): Promise<Actor> {
  const caller = await request.caller();
  assertAllowed(caller, rule, action);
  return caller;
}
