import { Body, Controller, Get, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requirePlatformStaff, SessionRevocations } from '@lienket/auth';
import { DomainError, ErrorCode, HTTP_STATUS, unauthenticated } from '@lienket/graphql';
import { NeedLifecycleService } from './need-lifecycle.service';

/** What the internal routes answer for a refusal: the domain error itself, for catalog to rethrow. */
export interface InternalError {
  code: ErrorCode;
  messageKey: string;
  params: Record<string, string | number>;
  field?: string;
}

/**
 * Catalog's moderation of needs (decision 106): the queue's pending needs and a moderator's decision.
 * Not routed by the gateway; like every path here but /health it needs the gateway secret, which
 * only the gateway and catalog hold, and it also needs the moderator's own token (forwarded by
 * catalog), checked here as in any resolver: a leaked secret alone decides nothing.
 */
@Controller('internal/needs')
export class NeedModerationController {
  private readonly logger = new Logger('InternalNeeds');

  constructor(
    private readonly lifecycle: NeedLifecycleService,
    private readonly sessions: SessionRevocations,
  ) {}

  @Get('pending')
  async pending(@Query('after') after: string | undefined, @Query('limit') limit: string | undefined, @Req() req: Request, @Res() res: Response) {
    await this.answer(req, res, async () => {
      const position = after ? (after.split(',') as [string, string]) : null;
      const valid = !position || (position.length === 2 && !Number.isNaN(Date.parse(position[0])) && /^[0-9a-f-]{36}$/i.test(position[1]));
      if (!valid) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'invalidCursor', { field: 'after' }, 'after');
      return { needs: await this.lifecycle.pending(Math.min(Math.max(Number(limit) || 20, 1), 101), position), total: await this.lifecycle.pendingCount() };
    });
  }

  @Post(':id/decision')
  async decide(@Param('id') id: string, @Body() body: { approve?: unknown; reason?: unknown }, @Req() req: Request, @Res() res: Response) {
    await this.answer(req, res, () => this.lifecycle.decide(id, body?.approve === true, typeof body?.reason === 'string' ? body.reason : null));
  }

  private async answer(req: Request, res: Response, work: () => Promise<unknown>) {
    try {
      const { user } = await this.sessions.read(req);
      if (!user) throw unauthenticated();
      requirePlatformStaff(user);
      res.status(200).json(await work());
    } catch (e) {
      if (e instanceof DomainError) {
        const error: InternalError = { code: e.code, messageKey: e.messageKey, params: e.params, field: e.field };
        res.status(HTTP_STATUS[e.code] ?? 400).json({ error });
        return;
      }
      this.logger.error(`internal need route failed: ${(e as Error).stack ?? String(e)}`);
      res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageKey: 'internal', params: {} } });
    }
  }
}
