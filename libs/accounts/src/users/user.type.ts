import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationRole, PlatformRole } from '@lienket/auth';
import { Organization, OrganizationInput } from '../organizations/organization.type';
import { Locale } from './user.entity';

registerEnumType(Locale, { name: 'Locale' });

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() fullName: string;
  @Field(() => Locale) locale: Locale;
  @Field(() => Organization, { nullable: true }) organization?: Organization | null;
  @Field(() => OrganizationRole, { nullable: true }) organizationRole: OrganizationRole | null;
  @Field(() => PlatformRole, { nullable: true }) platformRole: PlatformRole | null;
  /** Not exposed: used by the organization field resolver. */
  organizationId: string | null;
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken: string;
  @Field() refreshToken: string;
  @Field(() => User) user: User;
}

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() password: string;
  @Field() fullName: string;
  @Field(() => Locale, { nullable: true }) locale?: Locale | null;
  @Field(() => OrganizationInput) organization: OrganizationInput;
}
