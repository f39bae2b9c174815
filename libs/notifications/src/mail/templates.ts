import type { JobPayloads } from '@lienket/queue';
import type { Mail } from './mailer.service';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
  return {
    to: p.ownerEmail,
    subject: vi ? `LienKet đã nhận đăng ký của ${p.organizationName}` : `LienKet received the registration of ${p.organizationName}`,
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escape(l).replace(/\n/g, '<br>')}</p>`).join('\n'),
  };
}
