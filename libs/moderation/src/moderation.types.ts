import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, DateTimeScalar, PageInfo } from '@lienket/graphql';

export enum ModerationSubject {
  ORGANIZATION = 'ORGANIZATION',
  PRODUCT = 'PRODUCT',
  NEED = 'NEED',
}
export enum ModerationDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ModerationSubject, { name: 'ModerationSubject' });
registerEnumType(ModerationDecision, { name: 'ModerationDecision' });

/** What an audit entry is about (the audit log's `subject` column). */
export enum AuditSubject {
  ORGANIZATION = 'ORGANIZATION',
  PRODUCT = 'PRODUCT',
  NEED = 'NEED',
  USER = 'USER',
}
registerEnumType(AuditSubject, { name: 'AuditSubject' });

@ObjectType({ description: 'Something waiting for a moderator, oldest first' })
export class ModerationItem {
  @Field(() => ID) id: string;
  @Field(() => ModerationSubject) subject: ModerationSubject;
  @Field(() => ID) subjectId: string;
  @Field() summary: string;
  @Field(() => DateTimeScalar) submittedAt: Date;
  @Field(() => Int) reports: number;
}
export const ModerationItemConnection = connectionTypes(ModerationItem, 'ModerationItem');

@ObjectType({ description: 'A person who acted in the audit log' })
export class AuditActor {
  @Field(() => ID) id: string;
  @Field() fullName: string;
}

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field() action: string;
  @Field() subject: string;
  @Field(() => ID) subjectId: string;
  @Field(() => String, { nullable: true, description: 'JSON: before, after and the reason' }) detail: string | null;
  @Field(() => AuditActor, { nullable: true, description: 'Who acted, by name; null for the system or a person no longer on record' })
  actor: AuditActor | null;
  @Field(() => String, { nullable: true, description: 'The subject by its name as it is now (organization, listing, person); null once it is gone' })
  subjectName: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field() cursor: string;
  @Field(() => AuditEntry) node: AuditEntry;
}
@ObjectType({ description: 'Newest first; no total, the log only grows' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
