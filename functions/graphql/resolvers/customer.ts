/** GraphQL for the caller's organization. */
import { customerOf } from "../../services/access";
import type { Resolvers } from "../generated/resolvers";

export const customerResolvers: Resolvers = {
  Query: {
    customer: (_, __, context) => customerOf(context),
  },
};
