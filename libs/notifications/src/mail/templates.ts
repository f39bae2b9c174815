import type { JobPayloads, VerificationOutcome } from '@lienket/queue';
import type { Mail } from './mailer.service';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const ZWJ = '\u200d';
/**
 * Where mail clients start a link: a dot before a letter or digit ("evil.com", "www.", "1.2.3.4",
 * also the full-width and ideographic dots some linkifiers accept), a colon before a slash or letter
 * ("http://", "mailto:", "javascript:"), an at sign ("a@b.com"), and "//".
 */
const LINK_JOINTS = /([.\u3002\uff0e\uff61](?=[\p{L}\p{N}])|[:\uff1a](?=[/\uff0f\p{L}])|[@\uff20](?=\S)|[/\uff0f](?=[/\uff0f]))/gu;

/**
 * Text that mail clients show as written and never turn into a link: a zero-width joiner after
 * each link joint. Invisible to a reader and kept by copy and paste, it breaks the patterns that
 * Gmail, Outlook, Apple Mail and linkify libraries look for. Applied to everything in an e-mail but
 * our own links, so an organization called "evil.com" or "http://x" cannot put a link in our mail.
 */
export const plainText = (s: string): string => s.replace(LINK_JOINTS, `$1${ZWJ}`);

/** One of our own links, shown as "label: url" (and an <a> in the HTML part). */
export interface MailLink {
  label: string;
  url: string;
}
export const link = (label: string, url: string): MailLink => ({ label, url });

/**
 * An e-mail from lines of text (names and free text welcome: see plainText) and our own links. The
 * HTML part is the same text escaped, so markup in a name is shown, never rendered.
 */
export function toMail(to: string, subject: string, lines: (string | MailLink)[]): Mail {
  const text = lines.map((l) => (typeof l === 'string' ? plainText(l) : `${plainText(l.label)}: ${l.url}`));
  const html = lines.map((l) =>
    typeof l === 'string'
      ? `<p>${escape(plainText(l)).replace(/\n/g, '<br>')}</p>`
      : `<p>${escape(plainText(l.label))}: <a href="${escape(l.url)}">${escape(l.url)}</a></p>`,
  );
  return { to, subject: plainText(subject), text: text.join('\n\n'), html: html.join('\n') };
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
    link(vi ? 'Xem tài khoản' : 'Your account', `${publicUrl}/tai-khoan`),
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
        link('Đăng nhập', `${publicUrl}/dang-nhap`),
        'Trân trọng,\nĐội ngũ LienKet',
      ]
    : [
        `Hello ${p.ownerName},`,
        `LienKet has received the registration of ${p.organizationName}.`,
        "An administrator will check your organization's tax code and documents, usually within 1–2 working days. Meanwhile you can sign in and prepare drafts; once verified, your organization can publish, bid and be awarded contracts.",
        link('Sign in', `${publicUrl}/dang-nhap`),
        'Kind regards,\nThe LienKet team',
      ];
  return toMail(p.ownerEmail, vi ? `LienKet đã nhận đăng ký của ${p.organizationName}` : `LienKet received the registration of ${p.organizationName}`, lines);
}

const ROLE = { OWNER: ['chủ tài khoản', 'owner'], MANAGER: ['quản lý', 'manager'], MEMBER: ['thành viên', 'member'] } as const;

/** An invitation to join an organization, with the one-time link. */
export function memberInvited(p: JobPayloads['member.invited'], token: string, publicUrl: string): Mail {
  const vi = p.locale !== 'EN';
  const url = `${publicUrl}/loi-moi?token=${encodeURIComponent(token)}`;
  const role = ROLE[p.role][vi ? 0 : 1];
  const lines = vi
    ? [`Xin chào,`, `${p.inviterName} mời bạn tham gia ${p.organizationName} trên LienKet với vai trò ${role}.`, link('Nhận lời mời (trong 7 ngày)', url), 'Nếu bạn không biết lời mời này, hãy bỏ qua thư.']
    : [`Hello,`, `${p.inviterName} invites you to join ${p.organizationName} on LienKet as ${role}.`, link('Accept the invitation (within 7 days)', url), 'If you did not expect this, ignore this e-mail.'];
  return toMail(p.email, vi ? `Lời mời tham gia ${p.organizationName} trên LienKet` : `Invitation to join ${p.organizationName} on LienKet`, lines);
}

/** A one-time link to choose a new password, valid for an hour. */
export function passwordReset(p: JobPayloads['password.reset_requested'], token: string, publicUrl: string): Mail {
  const vi = p.locale !== 'EN';
  const url = `${publicUrl}/dat-lai-mat-khau?token=${encodeURIComponent(token)}`;
  const lines = vi
    ? [
        `Chào ${p.name},`,
        'Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản LienKet của bạn.',
        link('Đặt mật khẩu mới (liên kết dùng một lần, trong 1 giờ)', url),
        'Sau khi đặt mật khẩu mới, mọi phiên đăng nhập khác của tài khoản sẽ kết thúc.',
        'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
        'Trân trọng,\nĐội ngũ LienKet',
      ]
    : [
        `Hello ${p.name},`,
        'We received a request to reset the password of your LienKet account.',
        link('Choose a new password (one-time link, within 1 hour)', url),
        'Once you set a new password, every other session of the account ends.',
        'If you did not ask for this, ignore this e-mail: your current password stays as it is.',
        'Kind regards,\nThe LienKet team',
      ];
  return toMail(p.email, vi ? 'LienKet: đặt lại mật khẩu' : 'LienKet: reset your password', lines);
}

type ListingDecision = JobPayloads['product.moderation_decided'];
type NeedDecision = JobPayloads['need.moderation_decided'];
type DecisionRecipient = ListingDecision['recipients'][number];
type Wording = Record<Lang, string>;
type Lang = 'vi' | 'en';

/** How a moderator's decision on one kind of subject is told: its outcomes and how the subject is named. */
interface DecisionWording {
  outcomes: Record<ListingDecision['outcome'], Record<Lang, [string, string]>>;
  /** Opening a sentence ("Sản phẩm “…” đã được duyệt"), in a mail's subject line, in a notice's title. */
  sentence: Wording;
  subjectLine: Wording;
  title: Wording;
}
interface Decided {
  name: string;
  outcome: ListingDecision['outcome'];
  reason: string | null;
}

const LISTING: DecisionWording = {
  outcomes: {
    APPROVED: {
      vi: ['đã được duyệt', 'Sản phẩm đã hiển thị công khai: người mua có thể tìm thấy và liên hệ với tổ chức của bạn.'],
      en: ['has been approved', 'The listing is now public: buyers can find it and contact your organization.'],
    },
    REJECTED: {
      vi: ['chưa được duyệt', 'Vui lòng sửa sản phẩm theo lý do dưới đây rồi gửi duyệt lại.'],
      en: ['was not approved', 'Please edit the listing as explained below and submit it for review again.'],
    },
  },
  sentence: { vi: 'Sản phẩm', en: 'The listing' },
  subjectLine: { vi: 'sản phẩm', en: 'listing' },
  title: { vi: 'Sản phẩm', en: 'Listing' },
};

const NEED: DecisionWording = {
  outcomes: {
    APPROVED: {
      vi: ['đã được duyệt', 'Nhu cầu đã mở công khai: nhà cung cấp có thể xem và nộp hồ sơ đến hạn chót.'],
      en: ['has been approved', 'The need is now open: suppliers can see it and bid until its deadline.'],
    },
    REJECTED: {
      vi: ['chưa được duyệt', 'Vui lòng đăng lại nhu cầu theo lý do dưới đây.'],
      en: ['was not approved', 'Please post the need again as explained below.'],
    },
  },
  sentence: { vi: 'Nhu cầu mua', en: 'The need' },
  subjectLine: { vi: 'nhu cầu mua', en: 'need' },
  title: { vi: 'Nhu cầu mua', en: 'Need' },
};

const langOf = (r: DecisionRecipient): Lang => (r.locale !== 'EN' ? 'vi' : 'en');

/** A moderator's decision, told by e-mail to one owner or manager, with a link to what it is about. */
function decidedMail(w: DecisionWording, d: Decided, r: DecisionRecipient, linkLabel: Wording, url: string): Mail {
  const lang = langOf(r);
  const vi = lang === 'vi';
  const [what, next] = w.outcomes[d.outcome][lang];
  const lines = [
    vi ? `Chào ${r.name},` : `Hello ${r.name},`,
    `${w.sentence[lang]} “${d.name}” ${what}. ${next}`,
    ...(d.reason ? [vi ? `Lý do: ${d.reason}` : `Reason: ${d.reason}`] : []),
    link(linkLabel[lang], url),
    vi ? 'Trân trọng,\nĐội ngũ LienKet' : 'Kind regards,\nThe LienKet team',
  ];
  return toMail(r.email, `LienKet: ${w.subjectLine[lang]} “${d.name}” ${what}`, lines);
}

/** The same decision as an in-app notice. */
function decidedNotice(w: DecisionWording, d: Decided, r: DecisionRecipient, href: string) {
  const lang = langOf(r);
  const [what, next] = w.outcomes[d.outcome][lang];
  const reason = d.reason ? (lang === 'vi' ? ` Lý do: ${d.reason}` : ` Reason: ${d.reason}`) : '';
  return { title: `${w.title[lang]} “${d.name}” ${what}`, body: `${next}${reason}`, link: href };
}

/** Where a decision sends its reader: the public page of an approved listing, the editor of a rejected one. */
export const listingLink = (p: ListingDecision) => (p.outcome === 'APPROVED' ? `/san-pham/${p.productId}/xem` : `/san-pham/${p.productId}`);

/** A moderator's decision on a listing, told by e-mail to each owner and manager of its organization. */
export function listingDecided(p: ListingDecision, r: DecisionRecipient, publicUrl: string): Mail {
  const label = p.outcome === 'APPROVED' ? { vi: 'Xem sản phẩm', en: 'See the listing' } : { vi: 'Sửa sản phẩm', en: 'Edit the listing' };
  return decidedMail(LISTING, { ...p, name: p.productName }, r, label, `${publicUrl}${listingLink(p)}`);
}

/** The same decision as an in-app notice. */
export const listingNotice = (p: ListingDecision, r: DecisionRecipient) => decidedNotice(LISTING, { ...p, name: p.productName }, r, listingLink(p));

/** The need's page in the web app (the buyer's view of it). */
export const needLink = (p: NeedDecision) => `/nhu-cau/${p.needId}`;

/** A moderator's decision on a need, told by e-mail to each owner and manager of its buyer. */
export const needDecided = (p: NeedDecision, r: DecisionRecipient, publicUrl: string): Mail =>
  decidedMail(NEED, { ...p, name: p.needTitle }, r, { vi: 'Xem nhu cầu', en: 'See the need' }, `${publicUrl}${needLink(p)}`);

/** The same decision as an in-app notice. */
export const needNotice = (p: NeedDecision, r: DecisionRecipient) => decidedNotice(NEED, { ...p, name: p.needTitle }, r, needLink(p));
