import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationRole } from '@lienket/auth';
import { DateTimeScalar } from '@lienket/graphql';

@ObjectType({ description: 'A person in your organization' })
export class OrganizationMember {
  @Field(() => ID) id: string;
  @Field() fullName: string;
  @Field() email: string;
  @Field(() => OrganizationRole) role: OrganizationRole;
}

@ObjectType({ description: 'An open invitation to join your organization' })
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => OrganizationRole) role: OrganizationRole;
  @Field(() => DateTimeScalar) expiresAt: Date;
}
