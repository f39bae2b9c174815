import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, PageInfo } from '@lienket/graphql';

@ObjectType()
export class Notification {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) readAt: Date | null;
  @Field(() => DateTimeScalar) createdAt: Date;
}

@ObjectType()
export class NotificationEdge {
  @Field() cursor: string;
  @Field(() => Notification) node: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) unreadCount: number;
}
