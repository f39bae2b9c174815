import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * The real maximum length of each list field that takes no `first`, keyed `Type.field`. Every list
 * field of the composed API must be here or be a connection's `edges` (priced by the connection's
 * `first`) or a list of scalars (priced as one field); test/unit/query-limits.spec.ts checks each
 * figure against the code or data it comes from, and that no list field is missing.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.provinces': 34, // the 34 provincial-level units (reference data)
  'Query.categories': 24, // most categories under one parent: the 24 HS chapters (reference data)
  'Query.allCategories': 223, // every HS chapter (24) and heading (199) of chapters 01–24 (reference data)
  'Query.units': 12, // the units of measure (reference data)
  'Query.wards': 168, // most wards of one province (reference data)
  'Organization.certifications': 8, // one per kind: CERTIFICATION_KINDS
  'Product.certifications': 8, // one per kind: CERTIFICATION_KINDS
  'Product.photos': 8, // MAX_PHOTOS_PER_PRODUCT (default; the gateway passes the configured value)
  'ProcurementNeed.attachments': 5, // MAX_ATTACHMENTS_PER_NEED (default; the gateway passes the configured value)
  'Onboarding.steps': 4, // the longest getting-started checklist (libs/products/src/onboarding)
  'Query.moderationCounts': 9, // every verification state (4) and listing status (5)
  'Organization.duplicates': 20, // DUPLICATES_SHOWN (libs/moderation/src/desk/desk.service.ts)
  'Query.auditActors': 500, // the LIMIT of AuditLogService.actors
  'Mutation.awardNeed': 50, // MAX_AWARDS: awards of one need (libs/procurement/src/awards/dto/award.schema.ts)
  'ProcurementNeed.contracts': 50, // one contract per award, MAX_AWARDS
  'Contract.shipments': 20, // MAX_SHIPMENTS per contract (libs/procurement/src/contracts/contract.service.ts)
  'Contract.reviews': 2, // one per side (primary key of procurement.contract_reviews)
  'Contract.payments': 1, // none until payments are built
  'ProcurementNeed.questions': 100, // MAX_QUESTIONS_PER_NEED (libs/procurement/src/questions/question.service.ts)
  'ProcurementNeed.clarifications': 20, // MAX_CLARIFICATIONS (libs/procurement/src/needs/need-amendment.service.ts)
  'ProcurementNeed.deadlineHistory': 5, // MAX_EXTENSIONS (libs/procurement/src/needs/need-amendment.service.ts)
  'ProcurementNeed.invitedSuppliers': 20, // MAX_INVITED (libs/procurement/src/needs/dto/need.schema.ts)
  'Match.reasons': 8, // one per signal (SignalCode in libs/matching)
  // No cap in the code today: members, open invitations and documents of one organization. Priced
  // at the largest page a client may ask for anywhere, until their services cap them.
  'Organization.members': MAX_PAGE_SIZE,
  'Organization.invitations': MAX_PAGE_SIZE,
  'Organization.documents': MAX_PAGE_SIZE,
};

export interface CostOptions {
  /** Overrides of LIST_SIZES, e.g. the configured photo limit. */
  listSizes?: Readonly<Record<string, number>>;
}

/**
 * What an operation may cost at most: each field 1, and a field returning a list costs 1 plus its
 * length times its selection — the length being its `first` (a connection: the page size, 20 when
 * not given), the number of `representations` (`_entities`), or its real maximum (LIST_SIZES).
 * `@skip`/`@include` do not lower the price: the query planner works on the whole document.
 *
 * Linear in the document: each fragment is priced once per operation and reused at every spread
 * (a spread inside its own fragment, which validation refuses, counts as nothing), so nested
 * fragments that expand to millions of fields cost microseconds to price, and are priced at least
 * as high as their expansion (every field costs at least 1).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
  options: CostOptions = {},
): number {
  const sizes = options.listSizes ? { ...LIST_SIZES, ...options.listSizes } : LIST_SIZES;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const priced = new Map<string, number>(); // NaN while being priced: a cycle
  const argValue = (value: ValueNode): unknown => {
    if (value.kind === Kind.VARIABLE) return variables[value.name.value];
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.LIST) return value.values;
    return undefined;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // Introspection is off in production; elsewhere graphql-js bounds its depth (MaxIntrospectionDepthRule).
        if (name === '__schema' || name === '__type') {
          total += 1;
          continue;
        }
        const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        const type = def ? getNullableType(def.type) : undefined;
        const named = def ? getNamedType(def.type) : undefined;
        if (!selection.selectionSet || !named || !isCompositeType(named)) {
          total += 1;
          continue;
        }
        let size = 1;
        const first = selection.arguments?.find((a) => a.name.value === 'first');
        const reps = selection.arguments?.find((a) => a.name.value === 'representations');
        if (first) size = Number(argValue(first.value) ?? DEFAULT_PAGE_SIZE);
        else if (reps) size = (argValue(reps.value) as unknown[] | undefined)?.length ?? 1;
        else if (def?.args.some((a) => a.name === 'first')) size = DEFAULT_PAGE_SIZE;
        else if (isListType(type) && !(parent.name.endsWith('Connection') && name === 'edges')) {
          size = sizes[`${parent.name}.${name}`] ?? MAX_PAGE_SIZE;
        }
        // Not an Int (e.g. 2^31): execution refuses the variable itself, naming it; past the largest
        // page, every connection's resolver refuses `first` before it reads anything (pagination.ts),
        // naming it. Either way nothing is fetched: price it as 1 so the clearer error is the one seen.
        if (!Number.isSafeInteger(size) || size < 1 || (first && size > MAX_PAGE_SIZE)) size = 1;
        total += 1 + size * selectionCost(selection.selectionSet, named);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, on && isCompositeType(on) ? on : parent);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = priced.get(name);
    if (known !== undefined) return Number.isNaN(known) ? 0 : known;
    const fragment = fragments.get(name);
    const on = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !on || !isCompositeType(on)) return 0;
    priced.set(name, NaN);
    const cost = selectionCost(fragment.selectionSet, on);
    priced.set(name, cost);
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root) : 0;
}
