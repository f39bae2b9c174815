import type { JobPayloads, VerificationOutcome } from '@lienket/queue';
import type { Mail } from './mailer.service';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function toMail(to: string, subject: string, lines: string[]): Mail {
  return { to, subject, text: lines.join('\n\n'), html: lines.map((l) => `<p>${escape(l).replace(/\n/g, '<br>')}</p>`).join('\n') };
}

const OUTCOME: Record<VerificationOutcome, { vi: [string, string]; en: [string, string] }> = {
  VERIFIED: {
    vi: ['đã được xác minh', 'Từ bây giờ tổ chức của bạn có thể đăng sản phẩm, nhu cầu mua và dự thầu công khai.'],
    en: ['has been verified', 'Your organization can now publish listings and needs, and bid.'],
  },
  REJECTED: {
    vi: ['chưa được xác minh', 'Vui lòng bổ sung thông tin theo lý do dưới đây rồi liên hệ lại với LienKet.'],
    en: ['could not be verified', 'Please complete your information as explained below and contact LienKet again.'],
  },
  SUSPENDED: {
    vi: ['đã bị tạm ngừng hoạt động', 'Trong thời gian này sản phẩm của tổ chức không hiển thị và tổ chức không thể thực hiện giao dịch mới.'],
    en: ['has been suspended', 'While suspended, its listings are hidden and it cannot start new business.'],
  },
  REINSTATED: {
    vi: ['đã được khôi phục hoạt động', 'Sản phẩm và hoạt động của tổ chức đã trở lại bình thường.'],
    en: ['has been reinstated', 'Its listings and activity are back to normal.'],
  },
};

/** A moderator's decision on an organization, told to each of its owners and managers. */
export function verificationDecided(
  p: JobPayloads['organization.verification_decided'],
  r: JobPayloads['organization.verification_decided']['recipients'][number],
  publicUrl: string,
): Mail {
  const vi = r.locale !== 'EN';
  const [what, next] = OUTCOME[p.outcome][vi ? 'vi' : 'en'];
  const lines = [
    vi ? `Chào ${r.name},` : `Hello ${r.name},`,
    `${p.organizationName} ${what}. ${next}`,
    ...(p.reason ? [vi ? `Lý do: ${p.reason}` : `Reason: ${p.reason}`] : []),
    `${vi ? 'Xem tài khoản' : 'Your account'}: ${publicUrl}/tai-khoan`,
    vi ? 'Trân trọng,\nĐội ngũ LienKet' : 'Kind regards,\nThe LienKet team',
  ];
  return toMail(r.email, `LienKet: ${p.organizationName} ${what}`, lines);
}

/** The same decision as an in-app notice (title, one-paragraph body, where to look). */
export function verificationNotice(
  p: JobPayloads['organization.verification_decided'],
  r: JobPayloads['organization.verification_decided']['recipients'][number],
) {
  const vi = r.locale !== 'EN';
  const [what, next] = OUTCOME[p.outcome][vi ? 'vi' : 'en'];
  const reason = p.reason ? (vi ? ` Lý do: ${p.reason}` : ` Reason: ${p.reason}`) : '';
  return { title: `${p.organizationName} ${what}`, body: `${next}${reason}`, link: '/tai-khoan' };
}

/** "We received your registration": sent to a new organization's owner, in their language. */
export function registrationReceived(p: JobPayloads['organization.registered'], publicUrl: string): Mail {
  const vi = p.locale !== 'EN';
  const lines = vi
    ? [
        `Chào ${p.ownerName},`,
        `LienKet đã nhận đăng ký của ${p.organizationName}.`,
        'Quản trị viên sẽ kiểm tra mã số thuế và giấy tờ của tổ chức, thường trong 1–2 ngày làm việc. Trong lúc chờ, bạn có thể đăng nhập và soạn nháp; sau khi được xác minh, tổ chức của bạn có thể đăng công khai, dự thầu và nhận hợp đồng.',
        `Đăng nhập: ${publicUrl}/dang-nhap`,
        'Trân trọng,\nĐội ngũ LienKet',
      ]
    : [
        `Hello ${p.ownerName},`,
        `LienKet has received the registration of ${p.organizationName}.`,
        "An administrator will check your organization's tax code and documents, usually within 1–2 working days. Meanwhile you can sign in and prepare drafts; once verified, your organization can publish, bid and be awarded contracts.",
        `Sign in: ${publicUrl}/dang-nhap`,
        'Kind regards,\nThe LienKet team',
      ];
  return toMail(p.ownerEmail, vi ? `LienKet đã nhận đăng ký của ${p.organizationName}` : `LienKet received the registration of ${p.organizationName}`, lines);
}

const ROLE = { OWNER: ['chủ tài khoản', 'owner'], MANAGER: ['quản lý', 'manager'], MEMBER: ['thành viên', 'member'] } as const;

/** An invitation to join an organization, with the one-time link. */
export function memberInvited(p: JobPayloads['member.invited'], token: string, publicUrl: string): Mail {
  const vi = p.locale !== 'EN';
  const link = `${publicUrl}/loi-moi?token=${encodeURIComponent(token)}`;
  const role = ROLE[p.role][vi ? 0 : 1];
  const lines = vi
    ? [`Xin chào,`, `${p.inviterName} mời bạn tham gia ${p.organizationName} trên LienKet với vai trò ${role}.`, `Nhận lời mời (trong 7 ngày): ${link}`, 'Nếu bạn không biết lời mời này, hãy bỏ qua thư.']
    : [`Hello,`, `${p.inviterName} invites you to join ${p.organizationName} on LienKet as ${role}.`, `Accept the invitation (within 7 days): ${link}`, 'If you did not expect this, ignore this e-mail.'];
  return toMail(p.email, vi ? `Lời mời tham gia ${p.organizationName} trên LienKet` : `Invitation to join ${p.organizationName} on LienKet`, lines);
}
