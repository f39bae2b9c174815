import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser } from '@lienket/auth';
import { decodeCursor, pageSize, toConnection } from '@lienket/graphql';
import { NotificationService } from './notification.service';
import { NotificationConnection } from './notification.type';

@Resolver()
@UseGuards(AuthGuard)
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  async notifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const { rows, unreadCount } = await this.notificationService.page(user.id, !!unreadOnly, limit, cursor);
    const page = toConnection(rows, limit, (n) => [n.createdAt.toISOString(), n.id], (n) => n, { hasPreviousPage: !!cursor });
    return { edges: page.edges, pageInfo: page.pageInfo, unreadCount };
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed' })
  markNotificationsRead(@Args('ids', { type: () => [ID] }) ids: string[], @CurrentUser() user: AuthUser) {
    return this.notificationService.markRead(user.id, ids);
  }
}
