/**
 * The invariants of one customer's OU tree, checked by reading the table directly (a scan of the customer's items: a
 * test may, the API never does). Returns every violation found, in words; an empty list means the tree is sound.
 */
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { Config } from "../../functions/config";
import { DEFAULT_USER_SETTINGS } from "../../functions/domain/access-decision";
import { joinPath, pathKey } from "../../functions/domain/org-unit";
import { countOwnSettings, OWN_SETTINGS_KEYS } from "../../functions/domain/own-settings-counts";
import { createDocumentClient } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { ancestryKey, ownSettingsAttribute } from "../../functions/store/org-units/records";

type Item = Record<string, any>;

/** Every item of one customer, read consistently (a scan: a test may, the API never does). */
export async function customerItems(config: Config, customerId: string): Promise<Item[]> {
  const client = createDocumentClient(config);
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: config.tableName,
        FilterExpression: "begins_with(pk, :prefix)",
        ExpressionAttributeValues: { ":prefix": `C#${customerId}#` },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

export async function treeViolations(config: Config, customerId: string): Promise<string[]> {
  const items = await customerItems(config, customerId);
  const problems: string[] = [];
  const orgUnits = new Map(items.filter((item) => item.sk === "OU").map((item) => [String(item.id), item]));
  const hints = items.filter((item) => item.sk === "PATH");
  const users = items.filter((item) => item.sk === "USER");

  // No change in progress, nothing left of one.
  const tree = items.find((item) => item.pk === keys.tree(customerId).pk);
  if (tree?.op !== undefined) problems.push(`the tree is still held by op ${tree.op.opId} (${tree.op.phase})`);
  for (const lane of items.filter((item) => item.sk === "LANE")) problems.push(`lane ${lane.pk} is left over`);

  // Every OU: a parent chain ending at the one root, within the depth; its paths and index entries from that chain.
  const roots = [...orgUnits.values()].filter((ou) => ou.parentId === null);
  if (roots.length !== 1) problems.push(`${roots.length} roots`);
  const chains = new Map<string, Item[]>();
  for (const ou of orgUnits.values()) {
    const chain: Item[] = [];
    for (let node: Item | undefined = ou; node !== undefined && node.parentId !== null;) {
      node = orgUnits.get(String(node.parentId));
      if (node === undefined || chain.includes(node) || chain.length > 35) {
        problems.push(`${ou.id} (${ou.name}): its parent chain is broken`);
        break;
      }
      chain.unshift(node);
    }
    chains.set(String(ou.id), chain);
  }
  const pathOf = (id: string): string => {
    const chain = [...(chains.get(id) ?? []), orgUnits.get(id) as Item];
    return chain.reduce((path: string, node, index) => (index === 0 ? "/" : joinPath(path, String(node.name))), "/");
  };
  for (const ou of orgUnits.values()) {
    const id = String(ou.id);
    const ancestorIds = (chains.get(id) ?? []).map((node) => String(node.id));
    if (JSON.stringify(ou.ancestorIds) !== JSON.stringify(ancestorIds))
      problems.push(
        `${pathOf(id)}: ancestor ids ${JSON.stringify(ou.ancestorIds)}, chain ${JSON.stringify(ancestorIds)}`,
      );
    if (ou.gsi3sk !== ancestryKey(ancestorIds, id)) problems.push(`${pathOf(id)}: its byAncestry entry is stale`);
    if (ou.pendingOp !== undefined) problems.push(`${pathOf(id)}: still marked with op ${ou.pendingOp.opId}`);
    if (ou.parentId !== null && ou.gsi1pk !== keys.children(customerId, String(ou.parentId)))
      problems.push(`${pathOf(id)}: its byParent entry names another parent`);
    const children = [...orgUnits.values()].filter((child) => child.parentId === id);
    if (Number(ou.childCount) !== children.length)
      problems.push(`${pathOf(id)}: child count ${ou.childCount}, children ${children.length}`);
    const names = children.map((child) => pathKey(String(child.name)));
    if (new Set(names).size !== names.length) problems.push(`${pathOf(id)}: two children share a name`);
    const inside = users.filter((user) => user.orgUnitId === id);
    if (Number(ou.userCount ?? 0) !== inside.length)
      problems.push(`${pathOf(id)}: user count ${ou.userCount}, users ${inside.length}`);
    // The counts of the users' own settings: each as a recount of the users finds it.
    const recount = countOwnSettings(inside.map((user) => ({ ...DEFAULT_USER_SETTINGS, ...user.settings })));
    for (const key of OWN_SETTINGS_KEYS) {
      const kept = Number(ou[ownSettingsAttribute(key)] ?? 0);
      if (kept !== (recount[key] ?? 0))
        problems.push(`${pathOf(id)}: ${kept} users counted with ${key} on, ${recount[key] ?? 0} found`);
    }
    const hint = hints.find((item) => item.pk === keys.path(customerId, pathKey(pathOf(id))).pk);
    if (hint?.ouId !== id) problems.push(`${pathOf(id)}: no path hint leads to it`);
  }

  // Every hint leads to the OU at its path: none orphaned, none stale.
  for (const hint of hints) {
    const ou = orgUnits.get(String(hint.ouId));
    const path = String(hint.pk).slice(keys.path(customerId, "").pk.length);
    if (ou === undefined) problems.push(`the hint of ${path} names no OU`);
    else if (pathKey(pathOf(String(ou.id))) !== path)
      problems.push(`the hint of ${path} leads to ${pathOf(String(ou.id))}`);
  }
  for (const user of users)
    if (!orgUnits.has(String(user.orgUnitId))) problems.push(`user ${user.email} is in a missing OU`);
  return problems;
}
