import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrgUnit as OrgUnitModel } from '../../domain/org-unit';
import type { Customer as CustomerModel } from '../../domain/customer';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC, e.g. "2026-11-30T09:15:00.000Z". */
  DateTime: { input: string; output: string; }
};

/** A new OU. */
export type CreateOrgUnitInput = {
  /** Optional free text for administrators. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The new OU's name: 1 to 255 characters, no `/`; leading and trailing spaces are removed. */
  name: Scalars['String']['input'];
  /** Path of the parent OU, e.g. `/` or `/Sales`. */
  parentPath: Scalars['String']['input'];
};

/** The OU that was created. */
export type CreateOrgUnitPayload = {
  __typename?: 'CreateOrgUnitPayload';
  /** The new OU. */
  orgUnit: OrgUnit;
};

/** An organization using the API, e.g. the one that owns the mail domain `acme.com`. */
export type Customer = {
  __typename?: 'Customer';
  /** Mail domains of the organization; user addresses must belong to one of them. */
  domains: Array<Scalars['String']['output']>;
  /** Stable identifier of the organization, e.g. `demo`. */
  id: Scalars['ID']['output'];
  /** Display name of the organization. */
  name: Scalars['String']['output'];
};

/** The OU to delete, named by `id` or `path` (exactly one). */
export type DeleteOrgUnitInput = {
  /** Delete only if the OU is still at this version; otherwise fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The OU's stable id. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's current path. */
  path?: InputMaybe<Scalars['String']['input']>;
};

/** What was deleted. */
export type DeleteOrgUnitPayload = {
  __typename?: 'DeleteOrgUnitPayload';
  /** Id of the deleted OU. */
  deletedOrgUnitId: Scalars['ID']['output'];
  /** Path the OU had. */
  path: Scalars['String']['output'];
};

/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an OU under an existing parent. Its name must be unique (ignoring case) among its siblings. */
  createOrgUnit: CreateOrgUnitPayload;
  /** Deletes an OU that has no child OUs (and no users). The root cannot be deleted. */
  deleteOrgUnit: DeleteOrgUnitPayload;
  /**
   * Renames an OU, moves it under another parent, or changes its description. A rename or move changes the
   * paths of the whole subtree at once: readers see either the old tree or the new one, never a mix.
   */
  updateOrgUnit: UpdateOrgUnitPayload;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationCreateOrgUnitArgs = {
  input: CreateOrgUnitInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationDeleteOrgUnitArgs = {
  input: DeleteOrgUnitInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateOrgUnitArgs = {
  input: UpdateOrgUnitInput;
};

/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnit = {
  __typename?: 'OrgUnit';
  /** All OUs above this one, root first, parent last; empty for the root. */
  ancestors: Array<OrgUnit>;
  /** Child OUs, ordered by name (ignoring case). */
  children: OrgUnitConnection;
  /** When the OU was created. */
  createdAt: Scalars['DateTime']['output'];
  /** How many levels below the root this OU is: 0 for the root, at most 35. */
  depth: Scalars['Int']['output'];
  /** Free text for administrators. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier: it never changes, even when the OU is renamed or moved. */
  id: Scalars['ID']['output'];
  /** The OU's own name (the last part of its path). The root's name is the organization's name. */
  name: Scalars['String']['output'];
  /** The OU directly above this one; null for the root. */
  parent?: Maybe<OrgUnit>;
  /**
   * Full path from the root, e.g. `/Sales/EMEA`; derived from the names of the OU and its ancestors, so it
   * changes on rename or move. The root's path is `/`.
   */
  path: Scalars['String']['output'];
  /** When the OU itself (name, parent or description) last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /**
   * Increases by one with every change of this OU; pass it as `expectedVersion` to change the OU only if
   * nobody else changed it since you read it.
   */
  version: Scalars['Int']['output'];
};


/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnitChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of OUs. */
export type OrgUnitConnection = {
  __typename?: 'OrgUnitConnection';
  /** The OUs of this page, each with its cursor. */
  edges: Array<OrgUnitEdge>;
  /** The OUs of this page, without cursors. */
  nodes: Array<OrgUnit>;
  /** Whether more OUs follow, and the cursor to read them. */
  pageInfo: PageInfo;
};

/** An OU in a page, with the cursor that points just after it. */
export type OrgUnitEdge = {
  __typename?: 'OrgUnitEdge';
  /** Pass as `after` to continue after this OU. */
  cursor: Scalars['String']['output'];
  /** The OU. */
  node: OrgUnit;
};

/** Where a page of a list stands, for cursor pagination (Relay connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page, or null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last one of this page; pass `endCursor` as `after` to read them. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type Query = {
  __typename?: 'Query';
  /** The organization the caller belongs to. */
  customer: Customer;
  /**
   * One organizational unit, found by its path (e.g. `/Sales/EMEA`; case does not matter) or by its stable id.
   * Give exactly one of `path` and `id`. Returns null when no such OU exists in the caller's organization.
   */
  orgUnit?: Maybe<OrgUnit>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryOrgUnitArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  path?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to one OU, named by `id` or `path` (exactly one). Fields left out stay as they are. */
export type UpdateOrgUnitInput = {
  /** New description; an empty string clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Apply the change only if the OU is still at this version; otherwise fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The OU's stable id. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** New name (renames the OU; the paths of its whole subtree change with it). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Path of the new parent (moves the OU with its whole subtree). */
  parentPath?: InputMaybe<Scalars['String']['input']>;
  /** The OU's current path. */
  path?: InputMaybe<Scalars['String']['input']>;
};

/** The OU after the change. */
export type UpdateOrgUnitPayload = {
  __typename?: 'UpdateOrgUnitPayload';
  /** The OU as it is now. */
  orgUnit: OrgUnit;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateOrgUnitInput: CreateOrgUnitInput;
  CreateOrgUnitPayload: ResolverTypeWrapper<Omit<CreateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversTypes['OrgUnit'] }>;
  Customer: ResolverTypeWrapper<CustomerModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteOrgUnitInput: DeleteOrgUnitInput;
  DeleteOrgUnitPayload: ResolverTypeWrapper<DeleteOrgUnitPayload>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrgUnit: ResolverTypeWrapper<OrgUnitModel>;
  OrgUnitConnection: ResolverTypeWrapper<Omit<OrgUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrgUnitEdge']>, nodes: Array<ResolversTypes['OrgUnit']> }>;
  OrgUnitEdge: ResolverTypeWrapper<Omit<OrgUnitEdge, 'node'> & { node: ResolversTypes['OrgUnit'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UpdateOrgUnitInput: UpdateOrgUnitInput;
  UpdateOrgUnitPayload: ResolverTypeWrapper<Omit<UpdateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversTypes['OrgUnit'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CreateOrgUnitInput: CreateOrgUnitInput;
  CreateOrgUnitPayload: Omit<CreateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversParentTypes['OrgUnit'] };
  Customer: CustomerModel;
  DateTime: Scalars['DateTime']['output'];
  DeleteOrgUnitInput: DeleteOrgUnitInput;
  DeleteOrgUnitPayload: DeleteOrgUnitPayload;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  OrgUnit: OrgUnitModel;
  OrgUnitConnection: Omit<OrgUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrgUnitEdge']>, nodes: Array<ResolversParentTypes['OrgUnit']> };
  OrgUnitEdge: Omit<OrgUnitEdge, 'node'> & { node: ResolversParentTypes['OrgUnit'] };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  UpdateOrgUnitInput: UpdateOrgUnitInput;
  UpdateOrgUnitPayload: Omit<UpdateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversParentTypes['OrgUnit'] };
};

export type CreateOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateOrgUnitPayload'] = ResolversParentTypes['CreateOrgUnitPayload']> = {
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  domains?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteOrgUnitPayload'] = ResolversParentTypes['DeleteOrgUnitPayload']> = {
  deletedOrgUnitId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createOrgUnit?: Resolver<ResolversTypes['CreateOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationCreateOrgUnitArgs, 'input'>>;
  deleteOrgUnit?: Resolver<ResolversTypes['DeleteOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationDeleteOrgUnitArgs, 'input'>>;
  updateOrgUnit?: Resolver<ResolversTypes['UpdateOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationUpdateOrgUnitArgs, 'input'>>;
};

export type OrgUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnit'] = ResolversParentTypes['OrgUnit']> = {
  ancestors?: Resolver<Array<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  children?: Resolver<ResolversTypes['OrgUnitConnection'], ParentType, ContextType, RequireFields<OrgUnitChildrenArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrgUnitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitConnection'] = ResolversParentTypes['OrgUnitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrgUnitEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrgUnitEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitEdge'] = ResolversParentTypes['OrgUnitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  orgUnit?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType, Partial<QueryOrgUnitArgs>>;
};

export type UpdateOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateOrgUnitPayload'] = ResolversParentTypes['UpdateOrgUnitPayload']> = {
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  CreateOrgUnitPayload?: CreateOrgUnitPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteOrgUnitPayload?: DeleteOrgUnitPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrgUnit?: OrgUnitResolvers<ContextType>;
  OrgUnitConnection?: OrgUnitConnectionResolvers<ContextType>;
  OrgUnitEdge?: OrgUnitEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UpdateOrgUnitPayload?: UpdateOrgUnitPayloadResolvers<ContextType>;
};

