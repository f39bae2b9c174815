import { JobPayloads, ProcurementNotice } from '@lienket/queue';
import { Mail } from '../mail/mailer.service';
import { link, toMail } from '../mail/templates';

export const NOTICE_EVENTS = [
  'need.closed', 'need.invited', 'need.awarded', 'bid.not_awarded', 'shipment.recorded', 'receipt.confirmed', 'dispute.opened', 'dispute.resolved', 'review.received', 'contract.message', 'need.amended',
  'question.asked', 'question.answered',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];
export interface NoticeRecipient {
  userId: string;
  email: string;
  name: string;
  locale: 'VI' | 'EN';
}
type Text = { title: string; body: string };
type Texts = { [N in NoticeEvent]: (p: JobPayloads[N], vi: boolean) => Text };

const q = (n: ProcurementNotice) => `“${n.needTitle}”`;
/** Whole đồng as people read them: 642.625.000 đ, or 642,625,000 VND. */
const vnd = (amount: string, vi: boolean) => (vi ? `${BigInt(amount).toLocaleString('vi-VN')} đ` : `${BigInt(amount).toLocaleString('en-US')} VND`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** An instant on Vietnam's clock (UTC+7 all year): 24/12/2026 17:00 (giờ Việt Nam), or 24 Dec 2026 17:00 (Vietnam time). */
export function vietnamTime(iso: string, vi: boolean): string {
  const [date, time] = new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16).split('T');
  const [y, m, d] = date.split('-');
  return vi ? `${d}/${m}/${y} ${time} (giờ Việt Nam)` : `${Number(d)} ${MONTHS[Number(m) - 1]} ${y} ${time} (Vietnam time)`;
}

/** What each procurement step says, in Vietnamese and English. Nothing here can carry a sealed bid. */
const TEXTS: Texts = {
  'need.closed': (p, vi) => ({
    title: vi ? `Đã hết hạn nhận báo giá cho ${q(p)}` : `Bidding on ${q(p)} has closed`,
    body: p.bidCount
      ? (vi ? `Có ${p.bidCount} báo giá đang chờ bạn so sánh. Hãy chọn nhà cung cấp (có thể chia cho nhiều bên) hoặc đóng nhu cầu kèm lý do.` : `${p.bidCount} ${p.bidCount === 1 ? 'bid waits' : 'bids wait'} for you to compare. Award one or more suppliers, or close the need with a reason.`)
      : (vi ? 'Không có báo giá nào. Bạn có thể đóng nhu cầu kèm lý do rồi đăng lại với hạn mới.' : 'No bids arrived. You can close the need with a reason and post it again with a new deadline.'),
  }),
  'need.invited': (p, vi) => ({
    title: vi ? `Bạn được mời báo giá cho ${q(p)}` : `You are invited to quote for ${q(p)}`,
    body: vi
      ? `Bên mua mời tổ chức của bạn gửi báo giá. Hạn nhận báo giá: ${vietnamTime(p.bidDeadline, true)}.`
      : `The buyer invites your organization to bid. Bids close at ${vietnamTime(p.bidDeadline, false)}.`,
  }),
  'need.awarded': (p, vi) => ({
    title: vi ? `Bạn đã trúng thầu ${q(p)}` : `You won ${q(p)}`,
    body: vi ? `Hợp đồng ${p.quantity} đơn vị, tổng ${vnd(p.total, true)} đã được tạo. Hãy ghi nhận giao hàng khi gửi hàng.` : `A contract for ${p.quantity} units, ${vnd(p.total, false)} in total, was created. Record each shipment when you send it.`,
  }),
  'bid.not_awarded': (p, vi) => ({
    title: vi ? `Báo giá cho ${q(p)} không được chọn` : `Your bid on ${q(p)} was not awarded`,
    body: p.reason
      ? (vi ? `Bên mua đóng nhu cầu mà không trao thầu. Lý do: ${p.reason}` : `The buyer closed the need without award. Reason: ${p.reason}`)
      : p.debrief
        ? (vi
            ? `Giá của bạn xếp thứ ${p.debrief.priceRank} (chênh ${p.debrief.priceGapPercent}% so với giá trúng thấp nhất), ngày giao xếp thứ ${p.debrief.deliveryRank} (chênh ${p.debrief.deliveryGapDays} ngày); ${p.debrief.awardedCount}/${p.debrief.totalBids} báo giá được chọn.`
            : `Your price ranked ${p.debrief.priceRank} (${p.debrief.priceGapPercent}% from the lowest awarded price), your delivery date ${p.debrief.deliveryRank} (${p.debrief.deliveryGapDays} days from the earliest awarded); ${p.debrief.awardedCount} of ${p.debrief.totalBids} bids were awarded.`)
        : vi ? 'Nhu cầu đã được trao cho nhà cung cấp khác.' : 'The need was awarded to other suppliers.',
  }),
  'shipment.recorded': (p, vi) => ({
    title: vi ? `Nhà cung cấp đã giao hàng cho ${q(p)}` : `A shipment for ${q(p)} was sent`,
    body: vi ? `Lô hàng ${p.quantity} đơn vị đang đến. Hãy xác nhận số lượng chấp nhận khi nhận hàng.` : `A shipment of ${p.quantity} units is on its way. Confirm the accepted quantity on receipt.`,
  }),
  'receipt.confirmed': (p, vi) => ({
    title: vi ? `Bên mua đã xác nhận nhận hàng cho ${q(p)}` : `The buyer confirmed a receipt for ${q(p)}`,
    body: vi ? `Số lượng được chấp nhận: ${p.acceptedQuantity}.` : `Accepted quantity: ${p.acceptedQuantity}.`,
  }),
  'dispute.opened': (p, vi) => ({
    title: vi ? `Hợp đồng cho ${q(p)} đang có tranh chấp` : `A dispute was opened on the contract for ${q(p)}`,
    body: vi ? `Lý do: ${p.reason}. Hợp đồng tạm dừng cho đến khi quản trị viên giải quyết; bạn có thể gửi giải trình.` : `Reason: ${p.reason}. The contract is frozen until an administrator resolves it; you may give your statement.`,
  }),
  'dispute.resolved': (p, vi) => ({
    title: vi ? `Tranh chấp hợp đồng ${q(p)} đã được giải quyết` : `The dispute on ${q(p)} was resolved`,
    body: `${p.outcome === 'CANCEL' ? (vi ? 'Hợp đồng bị hủy.' : 'The contract is cancelled.') : vi ? 'Hợp đồng tiếp tục.' : 'The contract resumes.'} ${vi ? 'Kết luận' : 'Resolution'}: ${p.resolution}`,
  }),
  'review.received': (p, vi) => ({
    title: vi ? `Bạn nhận được đánh giá ${p.rating}/5 cho ${q(p)}` : `You received a ${p.rating}/5 review for ${q(p)}`,
    body: vi ? 'Đánh giá được tính vào hồ sơ uy tín của tổ chức.' : "The review counts towards your organization's track record.",
  }),
  'contract.message': (p, vi) => ({
    title: vi ? `Tin nhắn mới về hợp đồng ${q(p)}` : `New message about the contract for ${q(p)}`,
    body: p.body,
  }),
  'need.amended': (p, vi) =>
    p.change === 'CLARIFICATION'
      ? { title: vi ? `Bên mua đã đăng làm rõ cho ${q(p)}` : `The buyer published a clarification on ${q(p)}`, body: p.text }
      : {
          title: vi ? `Hạn nhận báo giá cho ${q(p)} đã được gia hạn` : `The bid deadline of ${q(p)} was extended`,
          body: vi
            ? `Hạn mới: ${vietnamTime(p.bidDeadline, true)}, thay cho ${vietnamTime(p.previousDeadline, true)}. Bạn có thể sửa hoặc rút báo giá đến hạn mới.`
            : `New deadline: ${vietnamTime(p.bidDeadline, false)}, instead of ${vietnamTime(p.previousDeadline, false)}. You may revise or withdraw your bid until then.`,
        },
  // Neither says who asked: the buyer learns the question, the asker the answer.
  'question.asked': (p, vi) => ({
    title: vi ? `Có câu hỏi mới về ${q(p)}` : `A new question on ${q(p)}`,
    body: vi
      ? `Hỏi: ${p.question}\nHãy trả lời trước hạn nhận báo giá: mọi nhà cung cấp đều đọc được câu trả lời, người hỏi được giữ kín.`
      : `Q: ${p.question}\nAnswer it before the bid deadline: every supplier reads the answer; who asked stays private.`,
  }),
  'question.answered': (p, vi) => ({
    title: vi ? `Bên mua đã trả lời câu hỏi của bạn về ${q(p)}` : `The buyer answered your question on ${q(p)}`,
    body: vi ? `Hỏi: ${p.question}\nĐáp: ${p.answer}` : `Q: ${p.question}\nA: ${p.answer}`,
  }),
};

/**
 * Where the notice leads: a notice about a contract (award, shipment, receipt, dispute, review,
 * message) to the contract's page, one about the need itself (bidding closed, not awarded) to the
 * need's page, which every bidder can open.
 */
export const noticeLink = (p: ProcurementNotice) => (p.contractId ? `/hop-dong/${p.contractId}` : `/nhu-cau/${p.needId}`);

export function procurementNotice<N extends NoticeEvent>(event: N, p: JobPayloads[N], r: NoticeRecipient) {
  return { ...(TEXTS[event] as (p: JobPayloads[N], vi: boolean) => Text)(p, r.locale !== 'EN'), link: noticeLink(p) };
}

export function procurementMail<N extends NoticeEvent>(event: N, p: JobPayloads[N], r: NoticeRecipient, publicUrl: string): Mail {
  const vi = r.locale !== 'EN';
  const t = procurementNotice(event, p, r);
  return toMail(r.email, `LienKet: ${t.title}`, [
    vi ? `Chào ${r.name},` : `Hello ${r.name},`,
    t.body,
    link(vi ? 'Xem chi tiết' : 'See details', `${publicUrl}${t.link}`),
    vi ? 'Trân trọng,\nĐội ngũ LienKet' : 'Kind regards,\nThe LienKet team',
  ]);
}
