/** The domain values behind GraphQL types (codegen's mappers), with OUs as the tree's nodes. */
import type { AccessDecision } from "../domain/access-decision";
import type {
  EffectiveMailAccess,
  EffectiveValue,
  ImapClientAccess,
  MailAccessPolicy,
  SettingKey,
  SettingSource,
} from "../domain/mail-access";
import type { MailAccessImpact, OrgUnitImpact } from "../domain/mail-access-impact";
import type { OrgUnit } from "../domain/org-unit";
import type { UserMailSettings } from "../domain/access-decision";
import type { Group } from "../domain/groups";

export interface PolicyModel {
  policy: MailAccessPolicy;
  changedAt: string | null;
}
/** Effective settings: an OU's, or a user's (whose sources may be configuration groups). */
export type EffectiveMailAccessModel = EffectiveMailAccess<OrgUnit, Group>;
export type EffectiveToggleModel = EffectiveValue<boolean, OrgUnit, Group> & { source: SettingSourceModel };
export type EffectiveImapClientAccessModel = EffectiveValue<ImapClientAccess, OrgUnit, Group> & {
  source: SettingSourceModel;
};
/** A source, with the setting it is the source of (when known), so that its OU shows that setting. */
export type SettingSourceModel = SettingSource<OrgUnit, Group> & { setting?: SettingKey };
export type MailAccessImpactModel = MailAccessImpact<OrgUnit>;
export type OrgUnitImpactModel = OrgUnitImpact<OrgUnit>;
export type DecidedByModel = AccessDecision<OrgUnit, Group>["decidedBy"];
export interface UserEffectiveMailAccessModel {
  /** In force for the user: the OU's settings, overridden by the user's groups. */
  effective: EffectiveMailAccess<OrgUnit, Group>;
  orgUnitEffective: EffectiveMailAccess<OrgUnit>;
  settings: UserMailSettings;
}
export interface UserProtocolAccessModel {
  allowedByAdministrator: boolean;
  enabledByUser: boolean;
  source: SettingSourceModel;
}

/** `value` with its source naming `setting`. */
export function withSetting<T extends { source: SettingSource<OrgUnit, Group> }>(
  value: T,
  setting: SettingKey,
): T & { source: SettingSourceModel } {
  return { ...value, source: { ...value.source, setting } };
}
