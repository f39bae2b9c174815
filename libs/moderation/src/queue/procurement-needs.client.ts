import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { AuthUser, gatewayHeaders, issueAccessToken } from '@lienket/auth';
import { DomainError, ErrorCode, MESSAGES, MessageKey } from '@lienket/graphql';

// Types only: loading procurement's code here would register its GraphQL types in catalog's schema.
import type { NeedDecision, PendingNeed } from '@lienket/procurement';

export type { PendingNeed };

/** How long the moderator's vouched token lives: one call. */
const VOUCH_TTL_SECONDS = 60;

/**
 * Catalog's calls to procurement's internal need routes (decision 106): as the gateway does (its
 * secret), and on behalf of the moderator (a one-minute token with the moderator's claims, which
 * procurement checks like any token). Procurement's refusals come back as the same domain errors,
 * so the moderator reads them in their language; anything else is an internal error (logged).
 */
@Injectable()
export class ProcurementNeedsClient {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.base = `${new URL(config.gateway.procurementUrl).origin}/internal/needs`;
  }

  pending(staff: AuthUser, limit: number, after: [string, string] | null): Promise<{ needs: PendingNeed[]; total: number }> {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after: after.join(',') } : {}) });
    return this.call(staff, `${this.base}/pending?${query.toString()}`, { method: 'GET' });
  }

  decide(staff: AuthUser, id: string, approve: boolean, reason: string | null): Promise<NeedDecision> {
    return this.call(staff, `${this.base}/${encodeURIComponent(id)}/decision`, { method: 'POST', body: JSON.stringify({ approve, reason }) });
  }

  private async call<T>(staff: AuthUser, url: string, init: { method: string; body?: string }): Promise<T> {
    const token = issueAccessToken({ ...staff, organizationVerification: null, sessionId: null }, this.config.auth.jwtSecret, VOUCH_TTL_SECONDS);
    let res: Response;
    try {
      res = await fetch(url, {
        ...init,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...gatewayHeaders(undefined, this.config.internal.gatewaySecret) },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new Error(`procurement unreachable: ${(e as Error).message}`, { cause: e });
    }
    const body = (await res.json().catch(() => ({}))) as { error?: { code: ErrorCode; messageKey: string; params?: Record<string, string | number>; field?: string } };
    if (res.ok) return body as T;
    const e = body.error;
    if (e && e.code !== ErrorCode.INTERNAL_SERVER_ERROR && e.messageKey in MESSAGES) {
      throw new DomainError(e.code, e.messageKey as MessageKey, e.params ?? {}, e.field);
    }
    throw new Error(`procurement answered ${res.status} to ${init.method} ${new URL(url).pathname}`);
  }
}
