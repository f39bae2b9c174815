import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, loader, requireOrganizationManager, RequestContext } from '@lienket/auth';
import { DomainError, ErrorCode, isUuid, notFound } from '@lienket/graphql';
import { writeOutbox } from '@lienket/queue';
import { clock } from '@lienket/reference-data';
import { biddingEnded } from '../bids/bid-deadline';
import { BidderRefusals, requireBidder } from '../bids/bidder';
import { mayReadNeed } from '../needs/need-access';
import { NeedStatus, NeedVisibility } from '../needs/need.entity';
import { ANSWER_MAX_LENGTH, checkedText, QUESTION_MAX_LENGTH } from './dto/question.schema';

/** Most questions one organization asks on one need: enough to clear up a need, not to flood it. */
export const MAX_QUESTIONS_PER_ORGANIZATION = 10;
/** Most questions one need takes (priced in LIST_SIZES: `questions` is a plain list). */
export const MAX_QUESTIONS_PER_NEED = 100;

/** A question as its readers see it: never who asked, only whether the reader's organization did. */
export interface QuestionRow {
  id: string;
  need_id: string;
  text: string;
  answer: string | null;
  asked_at: Date;
  answered_at: Date | null;
  mine: boolean;
}
const COLUMNS = `q.id, q.need_id, q.text, q.answer, q.asked_at, q.answered_at`;

interface LockedNeed {
  id: string;
  buyer_org_id: string;
  status: NeedStatus;
  bid_deadline: Date;
  title: string;
  visibility: NeedVisibility;
  invited_supplier_ids: string[];
}

const ASKER_REFUSALS: BidderRefusals = {
  suspended: 'organizationSuspendedQuestions',
  unverified: 'questionVerificationRequired',
  notCooperative: 'questionCooperativesOnly',
};

/**
 * Public questions on open needs (decision "Questions on a need are anonymous"). Asking and
 * answering each run in one transaction that locks the need FOR SHARE, as a bid does: the close at
 * the deadline (FOR UPDATE) waits for a question or answer in flight, and neither is taken after it.
 */
@Injectable()
export class QuestionService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** A verified cooperative's OWNER or MANAGER asks on an OPEN need before its deadline; the buyer is told, never by whom. */
  async ask(user: AuthUser, needId: string, raw: string): Promise<QuestionRow> {
    requireOrganizationManager(user);
    const text = checkedText(raw, 'text', 'questionText', QUESTION_MAX_LENGTH);
    if (!isUuid(needId)) throw notFound('need');
    return this.ds.transaction(async (em) => {
      const need = await lockNeed(em, needId);
      const readable = need && { buyerOrgId: need.buyer_org_id, status: need.status, visibility: need.visibility, invitedSupplierIds: need.invited_supplier_ids };
      if (!readable || !(await mayReadNeed(em, user, readable))) throw notFound('need');
      if (need.buyer_org_id === user.organizationId) throw new DomainError(ErrorCode.FORBIDDEN, 'questionOwnNeed');
      const askerOrgId = await requireBidder(em, user, ASKER_REFUSALS);
      judgeOpen(need);
      // The caps are counted under one lock per need, so concurrent questions cannot both pass them.
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`need-questions:${need.id}`]);
      const [n] = await em.query<{ total: number; own: number }[]>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE asker_org_id = $2)::int AS own FROM procurement.need_questions WHERE need_id = $1`,
        [need.id, askerOrgId],
      );
      if (n.own >= MAX_QUESTIONS_PER_ORGANIZATION) throw new DomainError(ErrorCode.CONFLICT, 'questionLimitOrganization', { max: MAX_QUESTIONS_PER_ORGANIZATION });
      if (n.total >= MAX_QUESTIONS_PER_NEED) throw new DomainError(ErrorCode.CONFLICT, 'questionLimitNeed', { max: MAX_QUESTIONS_PER_NEED });
      const [q] = await em.query<QuestionRow[]>(
        `INSERT INTO procurement.need_questions AS q (need_id, asker_org_id, asked_by, text, asked_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}, true AS mine`,
        [need.id, askerOrgId, user.id, text, clock.now()],
      );
      // To the buyer: the question, not who asked it.
      await writeOutbox(em, 'procurement', 'question.asked', {
        ...notice(need, `question:${q.id}`, need.buyer_org_id),
        question: excerpt(text),
      });
      return q;
    });
  }

  /** The buyer's OWNER or MANAGER answers once, before the deadline; the asking organization is told. */
  async answer(user: AuthUser, questionId: string, raw: string): Promise<QuestionRow> {
    const buyerOrgId = requireOrganizationManager(user);
    if (!isUuid(questionId)) throw notFound('question');
    return this.ds.transaction(async (em) => {
      // A question on another organization's need reads as one that does not exist, to anyone.
      const [own] = await em.query<{ need_id: string }[]>(
        `SELECT q.need_id FROM procurement.need_questions q JOIN procurement.needs n ON n.id = q.need_id WHERE q.id = $1 AND n.buyer_org_id = $2`,
        [questionId, buyerOrgId],
      );
      if (!own) throw notFound('question');
      const answer = checkedText(raw, 'answer', 'answer', ANSWER_MAX_LENGTH);
      // Need first, then the question: the order of asking, so the two never wait on each other in a cycle.
      const need = (await lockNeed(em, own.need_id))!;
      judgeOpen(need);
      // Conditional: of two answers racing, the second re-reads the row after the first commits and changes nothing.
      const [q] = await em.query<(QuestionRow & { asker_org_id: string })[]>(
        `WITH a AS (
           UPDATE procurement.need_questions q SET answer = $2, answered_by = $3, answered_at = $4
            WHERE q.id = $1 AND q.answered_at IS NULL RETURNING ${COLUMNS}, q.asker_org_id)
         SELECT a.*, false AS mine FROM a`,
        [questionId, answer, user.id, clock.now()],
      );
      if (!q) throw new DomainError(ErrorCode.CONFLICT, 'questionAlreadyAnswered');
      const { asker_org_id: askerOrgId, ...answered } = q;
      // The one event that names the asker: it is told to that organization, and goes nowhere else.
      await writeOutbox(em, 'procurement', 'question.answered', {
        ...notice(need, `answer:${q.id}`, askerOrgId),
        question: excerpt(q.text),
        answer: excerpt(answer),
      });
      return answered;
    });
  }

  /**
   * The questions of needs the caller already reads (a request-scoped loader): answered ones to
   * everyone, unanswered ones to the buyer's organization and to the organization that asked. Oldest first.
   */
  forNeed(ctx: RequestContext, needId: string): Promise<QuestionRow[]> {
    const orgId = ctx.user?.organizationId ?? null;
    return loader(ctx, 'needQuestions', () => new DataLoader<string, QuestionRow[]>(async (ids) => {
      const rows = await this.ds.query<QuestionRow[]>(
        `SELECT ${COLUMNS}, coalesce(q.asker_org_id = $2::uuid, false) AS mine
           FROM procurement.need_questions q JOIN procurement.needs n ON n.id = q.need_id
          WHERE q.need_id = ANY($1::uuid[]) AND (q.answered_at IS NOT NULL OR n.buyer_org_id = $2::uuid OR q.asker_org_id = $2::uuid)
          ORDER BY q.asked_at, q.id`,
        [ids, orgId],
      );
      return ids.map((id) => rows.filter((r) => r.need_id === id));
    })).load(needId);
  }
}

async function lockNeed(em: EntityManager, needId: string): Promise<LockedNeed | undefined> {
  const [need] = await em.query<LockedNeed[]>(`SELECT id, buyer_org_id, status, bid_deadline, title, visibility, invited_supplier_ids FROM procurement.needs WHERE id = $1 FOR SHARE`, [needId]);
  return need;
}

/**
 * Questions are open while bids are: past the deadline (flipped or not) DEADLINE_PASSED, for asking
 * and answering alike; a need no longer OPEN otherwise (cancelled) takes neither.
 */
function judgeOpen(need: LockedNeed): void {
  if (biddingEnded({ status: need.status, bidDeadline: need.bid_deadline })) throw new DomainError(ErrorCode.DEADLINE_PASSED, 'questionsClosed');
  if (need.status !== NeedStatus.OPEN) throw new DomainError(ErrorCode.CONFLICT, 'questionsNeedNotOpen');
}

const notice = (need: LockedNeed, occurrenceId: string, organizationId: string) => ({
  occurrenceId,
  organizationId,
  needId: need.id,
  needTitle: need.title,
  contractId: null,
});

/** What a notice quotes of a question or an answer (the page has the whole). */
const excerpt = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
