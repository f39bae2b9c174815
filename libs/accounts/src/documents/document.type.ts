import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@lienket/graphql';

export enum DocumentKind {
  BUSINESS_REGISTRATION = 'BUSINESS_REGISTRATION',
  CERTIFICATE = 'CERTIFICATE',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKind, { name: 'DocumentKind' });

@ObjectType({ description: 'Evidence for verification; upload with POST /api/documents (multipart: kind, file)' })
export class OrganizationDocument {
  @Field(() => ID) id: string;
  @Field(() => DocumentKind) kind: DocumentKind;
  @Field() filename: string;
  @Field() contentType: string;
  @Field(() => Int) size: number;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field({ description: 'GET with the same bearer token' }) url: string;
}
