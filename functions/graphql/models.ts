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

export interface PolicyModel {
  policy: MailAccessPolicy;
  changedAt: string | null;
}
export type EffectiveMailAccessModel = EffectiveMailAccess<OrgUnit>;
export type EffectiveToggleModel = EffectiveValue<boolean, OrgUnit> & { source: SettingSourceModel };
export type EffectiveImapClientAccessModel = EffectiveValue<ImapClientAccess, OrgUnit> & { source: SettingSourceModel };
/** A source, with the setting it is the source of (when known), so that its OU shows that setting. */
export type SettingSourceModel = SettingSource<OrgUnit> & { setting?: SettingKey };
export type MailAccessImpactModel = MailAccessImpact<OrgUnit>;
export type OrgUnitImpactModel = OrgUnitImpact<OrgUnit>;
export type DecidedByModel = AccessDecision<OrgUnit>["decidedBy"];
export interface UserEffectiveMailAccessModel {
  effective: EffectiveMailAccess<OrgUnit>;
  settings: UserMailSettings;
}
export interface UserProtocolAccessModel {
  allowedByAdministrator: boolean;
  enabledByUser: boolean;
  source: SettingSourceModel;
}

/** `value` with its source naming `setting`. */
export function withSetting<T extends { source: SettingSource<OrgUnit> }>(
  value: T,
  setting: SettingKey,
): T & { source: SettingSourceModel } {
  return { ...value, source: { ...value.source, setting } };
}
