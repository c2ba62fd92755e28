/** All resolvers, merged per GraphQL type, each query and mutation behind its access rule. */
import type { GraphQLFieldResolver } from "graphql";
import { assertAllowed } from "../../domain/access";
import { accessRules } from "../access-rules";
import type { Context } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { auditResolvers } from "./audit";
import { authResolvers } from "./auth";
import { customerResolvers } from "./customer";
import { mailAccessResolvers } from "./mail-access";
import { orgUnitResolvers } from "./org-units";
import { userResolvers } from "./users";

const modules: Resolvers[] = [
  customerResolvers,
  orgUnitResolvers,
  mailAccessResolvers,
  userResolvers,
  auditResolvers,
  authResolvers,
];

export const resolvers: Resolvers = {};
for (const module of modules)
  for (const [type, fields] of Object.entries(module))
    Object.assign(((resolvers as Record<string, object>)[type] ??= {}), fields);

type RootResolver = GraphQLFieldResolver<unknown, Context>;

/**
 * The hottest reads start before the caller's API key is checked, so that the check rides along with their first
 * read; their result is returned only once the key is valid and the rule allows the caller. Every other field waits
 * for the check first, and every write does.
 */
const READS_BEFORE_CHECK = new Set([
  "Query.orgUnit",
  "Query.user",
  "Query.users",
  "Query.mailAccessDecision",
  "Query.mailAccessDecisions",
]);

/** Puts every root field behind its access rule; a root field without a rule stops the server from starting. */
export function guardedResolvers(rootFields: { type: "Query" | "Mutation"; name: string }[]): Resolvers {
  const guarded: Record<string, Record<string, unknown>> = {
    ...(resolvers as Record<string, Record<string, unknown>>),
  };
  for (const { type, name } of rootFields) {
    const field = `${type}.${name}`;
    const rule = accessRules[field];
    if (rule === undefined) throw new Error(`${field} has no access rule in functions/graphql/access-rules.ts`);
    const resolve =
      (guarded[type]?.[name] as RootResolver | undefined) ?? ((parent) => (parent as Record<string, unknown>)?.[name]);
    const early = READS_BEFORE_CHECK.has(field);
    guarded[type] = {
      ...guarded[type],
      [name]: (async (parent, args, context, info) => {
        if (!early) {
          await context.authenticated();
          assertAllowed(context.actor, rule, field);
          return resolve(parent, args, context, info);
        }
        const [result, check] = await Promise.allSettled([
          (async () => resolve(parent, args, context, info))(),
          context.authenticated(),
        ]);
        if (check.status === "rejected") throw check.reason;
        assertAllowed(context.actor, rule, field);
        // A read that failed before the caller was known (e.g. a scope check against no rights yet) runs again.
        if (result.status === "rejected") return resolve(parent, args, context, info);
        return result.value;
      }) satisfies RootResolver,
    };
  }
  return guarded as Resolvers;
}
