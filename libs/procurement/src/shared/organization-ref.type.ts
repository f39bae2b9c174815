import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Organizations are owned by the catalog subgraph; here they are references by id, resolvable so
 * that this subgraph can add the fields it owns (reliability).
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID) id: string;
}

export const organizationRef = (id: string): OrganizationRef => ({ id });
