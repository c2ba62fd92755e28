/** GraphQL for the caller's organization. */
import type { Resolvers } from "../generated/resolvers";

export const customerResolvers: Resolvers = {
  Query: {
    customer: (_, __, { customer }) => customer(),
  },
};
