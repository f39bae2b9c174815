import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@lienket/graphql';
import { Province } from '@lienket/reference-data';
import { OrganizationKind, VerificationStatus } from './organization.entity';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() name: string;
  @Field({ description: 'Mã số thuế: 10 digits, or 10-3 with a branch suffix' }) taxCode: string;
  @Field(() => Province) province: Province;
  @Field(() => VerificationStatus) verification: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or suspended; visible to the organization and platform staff' })
  verificationNote: string | null;
  @Field(() => Int, { nullable: true }) memberCount: number | null;
  @Field(() => String, { nullable: true, description: 'Visible to the organization and platform staff' })
  address: string | null;
  @Field(() => String, { nullable: true, description: 'Visible to the organization and platform staff' })
  phone: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Ward, { nullable: true, description: 'Ward (phường/xã) of the address, after the 2025 merger' }) ward: Ward | null;
  @Field(() => Int, { nullable: true }) foundedYear: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'GET; upload with POST /api/organization/logo (multipart: file), remove with DELETE',
  })
  logoUrl: string | null;
  @Field(() => String, { nullable: true, description: 'GET; the logo at most 128 px, for lists and cards (the logo itself when it has none)' })
  logoThumbnailUrl: string | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => Boolean, { nullable: true, description: 'Platform staff: its needs open without review (setTrustedBuyer)' })
  trustedBuyer?: boolean | null;
}

@ObjectType({ description: 'A ward or commune (phường, xã, đặc khu) of one of the 34 provinces' })
export class Ward {
  @Field() code: string;
  @Field() name: string;
}

@InputType({ description: 'What owners and managers may change; name, kind and tax code are verified facts' })
export class OrganizationProfileInput {
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) wardCode?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Int, { nullable: true }) memberCount?: number | null;
  @Field(() => Int, { nullable: true }) foundedYear?: number | null;
}

@InputType()
export class OrganizationInput {
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() name: string;
  @Field() taxCode: string;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Int, { nullable: true }) memberCount?: number | null;
}
