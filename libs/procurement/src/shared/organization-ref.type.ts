import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** An organization's name and verification as procurement's copy holds them (catalog's events). */
export interface KnownOrganization {
  name: string;
  verification: string;
}

/**
 * Organizations are owned by the catalog subgraph; here they are references by id, resolvable so
 * that this subgraph can add the fields it owns (reliability). `name` is catalog's: this subgraph
 * serves it only where a field says `@provides(fields: "name")` (a need's buyer), from its copy of
 * catalog's facts, to whoever catalog would show the organization (OrganizationNames).
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID) id: string;
  @Field(() => String)
  @Directive('@external')
  name?: string;
  /** Procurement's copy, when the statement that found the reference read it too (no second lookup). */
  known?: KnownOrganization | null;
}

export const organizationRef = (id: string, known?: KnownOrganization | null): OrganizationRef => (known === undefined ? { id } : { id, known });
