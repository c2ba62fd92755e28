/** All resolvers, merged per GraphQL type. They only translate: who may do what is decided in the services. */
import type { Resolvers } from "../generated/resolvers";
import { auditResolvers } from "./audit";
import { authResolvers } from "./auth";
import { customerResolvers } from "./customer";
import { groupResolvers } from "./groups";
import { mailAccessResolvers } from "./mail-access";
import { orgUnitResolvers } from "./org-units";
import { scalarResolvers } from "./scalars";
import { userResolvers } from "./users";

const modules: Resolvers[] = [
  customerResolvers,
  orgUnitResolvers,
  mailAccessResolvers,
  userResolvers,
  groupResolvers,
  auditResolvers,
  authResolvers,
  scalarResolvers,
];

export const resolvers: Resolvers = {};
for (const module of modules)
  for (const [type, fields] of Object.entries(module))
    Object.assign(((resolvers as Record<string, object>)[type] ??= {}), fields);
