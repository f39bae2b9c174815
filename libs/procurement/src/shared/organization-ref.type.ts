import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Organizations are owned by the catalog subgraph; here they are references by id. */
@ObjectType('Organization')
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationRef {
  @Field(() => ID) id: string;
}

export const organizationRef = (id: string): OrganizationRef => ({ id });
