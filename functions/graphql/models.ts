/** The domain values behind GraphQL types (codegen's mappers), with OUs as the tree's nodes. */
import type { AccessDecision } from "../domain/access-decision";
import type {
  EffectiveMailAccess,
  EffectiveValue,
  ImapClientAccess,
  MailAccessPolicy,
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
export type EffectiveToggleModel = EffectiveValue<boolean, OrgUnit>;
export type EffectiveImapClientAccessModel = EffectiveValue<ImapClientAccess, OrgUnit>;
export type SettingSourceModel = SettingSource<OrgUnit>;
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
  source: SettingSource<OrgUnit>;
}
