import { JobPayloads } from '@lienket/queue';
import { NOTICE_EVENTS, NoticeEvent, procurementMail, procurementNotice } from './procurement-notice.templates';

const base = { occurrenceId: 'x:1', organizationId: 'o', needId: 'n-1', needTitle: 'Chè <b>Tân Cương</b>', contractId: 'c-1' };
const payloads: { [N in NoticeEvent]: JobPayloads[N] } = {
  'need.closed': { ...base, contractId: null, buyerOrgId: 'o', bidDeadline: '2027-01-05T10:00:00.000Z', bidCount: 3 },
  'need.invited': { ...base, contractId: null, bidDeadline: '2027-03-20T07:30:00.000Z' },
  'need.awarded': { ...base, quantity: '13.25', total: '642625000' },
  'bid.not_awarded': { ...base, contractId: null, reason: null, debrief: { priceRank: 2, priceGapPercent: -3, deliveryRank: 1, deliveryGapDays: 0, awardedCount: 1, totalBids: 4 } },
  'shipment.recorded': { ...base, quantity: '10' },
  'receipt.confirmed': { ...base, acceptedQuantity: '9.5' },
  'dispute.opened': { ...base, reason: 'Hàng ẩm' },
  'dispute.resolved': { ...base, outcome: 'CANCEL', resolution: 'Hủy theo thỏa thuận' },
  'review.received': { ...base, rating: 4 },
  'contract.message': { ...base, body: 'Thứ Hai giao hàng' },
  'need.amended': { ...base, contractId: null, change: 'DEADLINE_EXTENDED', previousDeadline: '2027-01-05T10:00:00.000Z', bidDeadline: '2027-01-12T17:30:00.000Z' },
  'question.asked': { ...base, contractId: null, question: 'Có nhận bao 25 kg không?' },
  'question.answered': { ...base, contractId: null, question: 'Có nhận bao 25 kg không?', answer: 'Chỉ bao 50 kg.' },
};
const person = (locale: 'VI' | 'EN') => ({ userId: 'u', email: 'a@b.vn', name: 'Lan', locale });

describe('procurement notice texts', () => {
  it.each(NOTICE_EVENTS.flatMap((e) => [[e, 'VI'], [e, 'EN']] as [NoticeEvent, 'VI' | 'EN'][]))('%s in %s: a title, a body and a link, nothing undefined', (event, locale) => {
    const n = procurementNotice(event, payloads[event] as never, person(locale));
    expect(n.title).toContain('Chè <b>Tân Cương</b>');
    expect(`${n.title} ${n.body}`).not.toMatch(/undefined|null|NaN|\[object/);
    // Need-level notices lead to the need, the rest to the contract they are about.
    expect(n.link).toBe(payloads[event].contractId ? '/hop-dong/c-1' : '/nhu-cau/n-1');
    const mail = procurementMail(event, payloads[event] as never, person(locale), 'https://lienket.vn');
    expect(mail.text).toContain(`https://lienket.vn${n.link}`);
    // Names and free text are shown, never rendered.
    expect(mail.html).not.toContain('<b>');
  });

  it('the buyer is told how many bids wait, or that none came', () => {
    expect(procurementNotice('need.closed', payloads['need.closed'], person('EN')).body).toBe('3 bids wait for you to compare. Award one or more suppliers, or close the need with a reason.');
    expect(procurementNotice('need.closed', { ...payloads['need.closed'], bidCount: 0 }, person('VI')).body).toBe(
      'Không có báo giá nào. Bạn có thể đóng nhu cầu kèm lý do rồi đăng lại với hạn mới.',
    );
  });

  it('an invited supplier reads the deadline in Vietnam time', () => {
    expect(procurementNotice('need.invited', payloads['need.invited'], person('VI')).body).toBe(
      'Bên mua mời tổ chức của bạn gửi báo giá. Hạn nhận báo giá: 20/03/2027 14:30 (giờ Việt Nam).',
    );
    expect(procurementNotice('need.invited', payloads['need.invited'], person('EN')).body).toBe(
      'The buyer invites your organization to bid. Bids close at 20 Mar 2027 14:30 (Vietnam time).',
    );
  });

  it('a debrief reads as ranks and gaps; a close without award gives the reason instead', () => {
    expect(procurementNotice('bid.not_awarded', payloads['bid.not_awarded'], person('EN')).body).toBe(
      'Your price ranked 2 (-3% from the lowest awarded price), your delivery date 1 (0 days from the earliest awarded); 1 of 4 bids were awarded.',
    );
    expect(procurementNotice('bid.not_awarded', { ...payloads['bid.not_awarded'], debrief: null, reason: 'Hết ngân sách' }, person('VI')).body).toBe(
      'Bên mua đóng nhu cầu mà không trao thầu. Lý do: Hết ngân sách',
    );
  });

  it('an extension names both deadlines on Vietnam’s clock; a clarification is its text', () => {
    expect(procurementNotice('need.amended', payloads['need.amended'], person('VI')).body).toBe(
      'Hạn mới: 13/01/2027 00:30 (giờ Việt Nam), thay cho 05/01/2027 17:00 (giờ Việt Nam). Bạn có thể sửa hoặc rút báo giá đến hạn mới.',
    );
    expect(procurementNotice('need.amended', payloads['need.amended'], person('EN')).title).toBe('The bid deadline of “Chè <b>Tân Cương</b>” was extended');
    const clarified = procurementNotice('need.amended', { ...base, contractId: null, change: 'CLARIFICATION', text: 'Bao 50 kg, có lót PE.' }, person('VI'));
    expect(clarified).toEqual({ title: 'Bên mua đã đăng làm rõ cho “Chè <b>Tân Cương</b>”', body: 'Bao 50 kg, có lót PE.', link: '/nhu-cau/n-1' });
  });
});
