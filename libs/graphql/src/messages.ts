import { FIELD_LABELS } from './field-labels';
import { PROCUREMENT_MESSAGES } from './messages-procurement';

export type Lang = 'vi' | 'en';
export { FIELD_LABELS };

/** Every message a person may read, in Vietnamese (first) and English. `{x}` is a parameter. */
export const COMMON_MESSAGES = {
  internal: {
    vi: 'Đã có lỗi ngoài ý muốn. Vui lòng thử lại sau ít phút.',
    en: 'Something went wrong on our side. Please try again in a few minutes.',
  },
  notFound: { vi: 'Không tìm thấy.', en: 'Not found.' },
  unauthenticated: {
    vi: 'Bạn cần đăng nhập để tiếp tục.',
    en: 'Please sign in to continue.',
  },
  sessionExpired: {
    vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please sign in again.',
  },
  badCredentials: {
    vi: 'E-mail hoặc mật khẩu không đúng.',
    en: 'Wrong e-mail or password.',
  },
  refreshInvalid: {
    vi: 'Phiên đăng nhập không còn hiệu lực. Vui lòng đăng nhập lại.',
    en: 'This session is no longer valid. Please sign in again.',
  },
  crossSiteRefused: {
    vi: 'Yêu cầu này phải được gửi từ chính trang LienKet.',
    en: 'This request must come from the LienKet site itself.',
  },
  tooManySignIns: {
    vi: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many sign-in attempts. Please try again in {minutes} minutes.',
  },
  tooManySignUps: {
    vi: 'Có quá nhiều lượt đăng ký từ địa chỉ mạng của bạn. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many sign-ups from your network address. Please try again in {minutes} minutes.',
  },
  tooManyPasswordResets: {
    vi: 'Có quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng thử lại sau {minutes} phút.',
    en: 'Too many password reset requests. Please try again in {minutes} minutes.',
  },
  tooManyInvitations: {
    vi: 'Tổ chức của bạn đã gửi đủ số lời mời cho phép trong ngày. Vui lòng thử lại sau {hours} giờ.',
    en: 'Your organization has sent as many invitations as allowed for today. Please try again in {hours} hours.',
  },
  tooManyInvitationsToRecipient: {
    vi: 'Địa chỉ e-mail này đã nhận đủ số lời mời cho phép trong ngày. Vui lòng thử lại sau {hours} giờ.',
    en: 'This e-mail address has received as many invitations as allowed for today. Please try again in {hours} hours.',
  },
  passwordResetInvalid: {
    vi: 'Liên kết đặt lại mật khẩu không còn hiệu lực (đã dùng, đã hết hạn hoặc không đúng). Vui lòng yêu cầu liên kết mới.',
    en: 'This password reset link is no longer valid (used, expired or wrong). Please ask for a new one.',
  },
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  gatewayOnly: {
    vi: 'Dịch vụ nội bộ này chỉ nhận yêu cầu qua cổng API của LienKet.',
    en: 'This internal service accepts requests through the LienKet gateway only.',
  },
  organizationRequired: {
    vi: 'Tài khoản của bạn chưa thuộc tổ chức nào.',
    en: 'Your account does not belong to an organization.',
  },
  invalidEmail: { vi: 'E-mail không hợp lệ.', en: 'This e-mail address is not valid.' },
  weakPassword: {
    vi: 'Mật khẩu cần ít nhất {min} ký tự.',
    en: 'The password needs at least {min} characters.',
  },
  required: { vi: 'Vui lòng nhập {label}.', en: 'Please enter {label}.' },
  tooLong: {
    vi: '{label} dài quá {max} ký tự.',
    en: '{label} is longer than {max} characters.',
  },
  invalidTaxCode: {
    vi: 'Mã số thuế không hợp lệ: cần 10 chữ số, hoặc 10 chữ số kèm "-" và 3 chữ số chi nhánh, với chữ số kiểm tra đúng.',
    en: 'Invalid tax code: it needs 10 digits, or 10 digits plus "-" and a 3-digit branch, with a correct check digit.',
  },
  unknownProvince: {
    vi: 'Không có tỉnh/thành phố với mã "{value}" (mã theo danh mục 34 đơn vị từ 1/7/2025).',
    en: 'There is no province with code "{value}" (codes of the 34 units in force since 1 July 2025).',
  },
  unknownCategory: {
    vi: 'Không có ngành hàng với mã "{value}".',
    en: 'There is no category with code "{value}".',
  },
  unknownUnit: {
    vi: 'Không có đơn vị tính với mã "{value}".',
    en: 'There is no unit with code "{value}".',
  },
  emailTaken: {
    vi: 'E-mail này đã được dùng để đăng ký.',
    en: 'This e-mail address is already registered.',
  },
  taxCodeTaken: {
    vi: 'Mã số thuế này đã được một tổ chức khác đăng ký.',
    en: 'This tax code is already registered by another organization.',
  },
  invalidValue: { vi: '{label} không hợp lệ.', en: '{label} is not valid.' },
  invalidInput: {
    vi: 'Dữ liệu nhập không hợp lệ hoặc vượt giới hạn cho phép.',
    en: 'Some input is not valid or exceeds what is allowed.',
  },
  mustBePositive: { vi: '{label} phải lớn hơn 0.', en: '{label} must be greater than 0.' },
  outOfRange: {
    vi: '{label} phải từ {min} đến {max}.',
    en: '{label} must be between {min} and {max}.',
  },
  dateOrder: {
    vi: 'Ngày bắt đầu giao phải trước hoặc bằng ngày kết thúc giao.',
    en: 'The delivery start must not be after the delivery end.',
  },
  deadlineTooSoon: {
    vi: 'Hạn nộp hồ sơ phải cách hiện tại ít nhất {minutes} phút.',
    en: 'The bid deadline must be at least {minutes} minutes from now.',
  },
  deadlineAfterDelivery: {
    vi: 'Hạn nộp hồ sơ phải trước ngày bắt đầu giao hàng.',
    en: 'The bid deadline must be before the delivery start.',
  },
  currencyVnd: {
    vi: 'Hiện chỉ hỗ trợ đồng Việt Nam (VND).',
    en: 'Only Vietnamese đồng (VND) is supported for now.',
  },
  invalidCursor: {
    vi: 'Con trỏ phân trang không hợp lệ.',
    en: 'The pagination cursor is not valid.',
  },
  alreadyDecided: {
    vi: 'Mục này đã được xử lý (trạng thái hiện tại: {status}). Vui lòng tải lại danh sách.',
    en: 'This item has already been handled (current status: {status}). Please reload the list.',
  },
  subjectNotModerated: {
    vi: 'Loại nội dung này chưa có trong hàng chờ kiểm duyệt.',
    en: 'This kind of item is not moderated yet.',
  },
  invitationInvalid: {
    vi: 'Lời mời không còn hiệu lực (đã dùng, đã hết hạn hoặc đã được gửi lại). Vui lòng xin lời mời mới.',
    en: 'This invitation is no longer valid (used, expired or re-sent). Please ask for a new one.',
  },
  alreadyMember: {
    vi: 'E-mail này đã có tài khoản LienKet. Mỗi tài khoản thuộc một tổ chức.',
    en: 'This e-mail already has a LienKet account. Each account belongs to one organization.',
  },
  lastOwner: {
    vi: 'Tổ chức cần ít nhất một chủ tài khoản. Hãy chỉ định chủ tài khoản khác trước.',
    en: 'The organization needs at least one owner. Make someone else an owner first.',
  },
  unknownWard: {
    vi: 'Phường/xã "{value}" không thuộc tỉnh/thành phố của tổ chức.',
    en: 'Ward "{value}" is not in the organization\'s province.',
  },
  fileTooLarge: {
    vi: 'Tệp quá lớn (tối đa {max} MB).',
    en: 'The file is too large (at most {max} MB).',
  },
  fileType: {
    vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
    en: 'Only PDF, JPEG or PNG files are accepted.',
  },
  imageType: {
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
    en: 'Only JPEG, PNG or WebP images are accepted.',
  },
  imagePixels: {
    vi: 'Ảnh có quá nhiều điểm ảnh (tối đa {max} triệu). Hãy thu nhỏ ảnh rồi tải lại.',
    en: 'The image has too many pixels (at most {max} million). Make it smaller and try again.',
  },
  uploadMalformed: {
    vi: 'Yêu cầu tải lên không hợp lệ: hãy gửi một biểu mẫu có đúng một tệp ở trường "file".',
    en: 'The upload is not valid: send a form with exactly one file in the "file" field.',
  },
  uploadSuspended: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể tải tệp lên. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so it cannot upload files. See the reason on the Account page.',
  },
  attachmentType: {
    vi: 'Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP.',
    en: 'Only PDF, JPEG, PNG or WebP files are accepted.',
  },
  tooManyAttachments: {
    vi: 'Mỗi nhu cầu mua có tối đa {max} tệp đính kèm. Hãy xóa bớt tệp cũ trước.',
    en: 'A need has at most {max} attachments. Remove one first.',
  },
  needAttachmentsDraftOnly: {
    vi: 'Chỉ thêm hoặc xóa được tệp đính kèm khi nhu cầu mua còn là bản nháp; nhu cầu này đã được gửi duyệt hoặc đã kết thúc.',
    en: 'Files can be attached to or removed from a draft need only; this one has been submitted or has ended.',
  },
  tooManyPhotos: {
    vi: 'Mỗi sản phẩm có tối đa {max} ảnh. Hãy xóa bớt ảnh cũ trước.',
    en: 'A listing has at most {max} photos. Remove one first.',
  },
  queryTooComplex: {
    vi: 'Truy vấn quá phức tạp: ước tính vượt {max} điểm (mỗi trường 1 điểm, danh sách tính theo số mục). Hãy lấy ít mục hơn mỗi trang.',
    en: 'The query is too complex: its estimate exceeds {max} points (1 per field, lists counted by their items). Ask for fewer items per page.',
  },
  queryTooDeep: {
    vi: 'Truy vấn lồng quá sâu (tối đa {max} cấp).',
    en: 'The query is nested too deeply (at most {max} levels).',
  },
  tooManyAliases: {
    vi: 'Truy vấn dùng quá nhiều bí danh (tối đa {max}).',
    en: 'The query uses too many aliases (at most {max}).',
  },
  tooManyDirectives: {
    vi: 'Truy vấn dùng quá nhiều chỉ thị (tối đa {max}).',
    en: 'The query uses too many directives (at most {max}).',
  },
  queryTooLong: {
    vi: 'Truy vấn quá dài (tối đa {max} ký hiệu).',
    en: 'The query is too long (at most {max} tokens).',
  },
  invalidCharacter: {
    vi: '{label} chứa ký tự không được phép (ký tự rỗng U+0000).',
    en: '{label} contains a character that is not allowed (the null character U+0000).',
  },
  serviceUnavailable: {
    vi: 'Một phần của LienKet đang tạm ngưng. Vui lòng thử lại sau ít phút.',
    en: 'Part of LienKet is temporarily unavailable. Please try again in a few minutes.',
  },
  tooMany: { vi: '{label}: tối đa {max} mục.', en: '{label}: at most {max} items.' },
  vndDigits: {
    vi: '{label} là số đồng nguyên, tối đa 18 chữ số.',
    en: '{label} is a whole number of đồng, at most 18 digits.',
  },
  decimalPrecision: {
    vi: '{label} có tối đa 17 chữ số phần nguyên và 3 chữ số thập phân.',
    en: '{label} allows at most 17 digits before the decimal point and 3 after it.',
  },
  unknownCertification: {
    vi: 'Loại chứng nhận không hợp lệ. Chọn một trong: VietGAP, GlobalGAP, ORGANIC_TCVN, ORGANIC_USDA, ORGANIC_EU, OCOP_3, OCOP_4, OCOP_5.',
    en: 'Unknown certification. Choose one of: VietGAP, GlobalGAP, ORGANIC_TCVN, ORGANIC_USDA, ORGANIC_EU, OCOP_3, OCOP_4, OCOP_5.',
  },
  duplicateCertification: {
    vi: 'Mỗi loại chứng nhận chỉ khai báo một lần.',
    en: 'Each kind of certification can be listed only once.',
  },
  minOrderAboveCapacity: {
    vi: 'Đơn hàng tối thiểu không được lớn hơn sản lượng mỗi tháng.',
    en: 'The minimum order cannot be larger than the monthly capacity.',
  },
  priceMinAboveMax: {
    vi: 'Giá thấp nhất không được cao hơn giá cao nhất.',
    en: 'The lowest price cannot be above the highest price.',
  },
  harvestMonthRange: {
    vi: 'Tháng thu hoạch phải từ 1 đến 12.',
    en: 'Harvest months must be between 1 and 12.',
  },
  organizationSuspended: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể thay đổi sản phẩm. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so its listings cannot be changed. See the reason on your account page.',
  },
  organizationSuspendedTeam: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể mời thành viên. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so it cannot invite members. See the reason on your account page.',
  },
  organizationSuspendedProfile: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể sửa hồ sơ. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so its profile cannot be changed. See the reason on your account page.',
  },
  invalidDecimal: {
    vi: 'Số không hợp lệ: hãy viết số dạng chuỗi như "125000000" hoặc "12.5" (dấu chấm thập phân, không dùng dấu phẩy).',
    en: 'Not a valid number: write it as a string such as "125000000" or "12.5" (a decimal point, no commas).',
  },
  invalidDate: {
    vi: 'Ngày không hợp lệ: hãy nhập một ngày có thật dạng NNNN-TT-NN, ví dụ 2026-12-01.',
    en: 'Not a valid day: enter a real day written YYYY-MM-DD, e.g. 2026-12-01.',
  },
  invalidDateTime: {
    vi: 'Thời điểm không hợp lệ: hãy nhập ngày giờ ISO 8601 kèm múi giờ, ví dụ 2026-12-01T17:00:00+07:00.',
    en: 'Not a valid time: enter an ISO 8601 date and time with a zone, e.g. 2026-12-01T17:00:00+07:00.',
  },
  organizationSuspendedNeeds: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên chưa thể đăng hay thay đổi nhu cầu mua. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so it cannot post or change procurement needs. See the reason on your account page.',
  },
  verificationRequired: {
    vi: 'Tổ chức của bạn cần được xác minh trước khi gửi sản phẩm lên duyệt. Vui lòng chờ quản trị viên xác minh hồ sơ.',
    en: 'Your organization must be verified before it can submit listings for review. Please wait for an administrator to verify it.',
  },
  listingNotSubmittable: {
    vi: 'Chỉ gửi duyệt được sản phẩm đang là bản nháp hoặc đã bị từ chối.',
    en: 'Only a draft or a rejected listing can be submitted for review.',
  },
  listingArchived: {
    vi: 'Sản phẩm đã ngừng đăng nên không sửa được nữa.',
    en: 'This listing is archived and can no longer be changed.',
  },
  listingNotArchivable: {
    vi: 'Chỉ ngừng đăng được sản phẩm đang hiển thị công khai.',
    en: 'Only a listing that is public can be archived.',
  },
  listingNotPending: {
    vi: 'Sản phẩm này không còn chờ duyệt; có thể một người kiểm duyệt khác vừa xử lý.',
    en: 'This listing is no longer awaiting review; another moderator may have just decided it.',
  },
  dateRangeOrder: {
    vi: 'Ngày bắt đầu phải trước ngày kết thúc.',
    en: 'The start date must be before the end date.',
  },
  sessionEndedSuspended: {
    vi: 'Tổ chức {organization} đã bị tạm ngừng hoạt động nên phiên đăng nhập của bạn đã kết thúc; bạn vẫn có thể đăng nhập lại để xem tài khoản. Lý do: {reason}',
    en: 'Your session ended because {organization} has been suspended; you can still sign in again to see your account. Reason: {reason}',
  },
  buyersDoNotList: {
    vi: 'Doanh nghiệp mua hàng không đăng sản phẩm để bán; hãy đăng nhu cầu mua hàng để nhà cung cấp báo giá.',
    en: 'Buyers do not list products for sale; post a procurement need and suppliers will bid on it.',
  },
  invitationResentRecently: {
    vi: 'Lời mời này vừa được gửi lại. Vui lòng đợi {minutes} phút rồi thử lại.',
    en: 'This invitation was just re-sent. Please wait {minutes} minutes and try again.',
  },
  soleOwnerCannotLeave: {
    vi: 'Bạn là chủ tài khoản duy nhất nên chưa thể rời tổ chức. Hãy mời hoặc chỉ định một chủ tài khoản khác trước.',
    en: 'You are the only owner, so you cannot leave the organization. Invite or appoint another owner first.',
  },
  priceUnitMismatch: {
    vi: 'Giá phải tính theo một đơn vị cùng loại với đơn vị sản lượng ({unit}): ví dụ sản lượng tính bằng tấn thì giá tính theo kg, yến, tạ hoặc tấn.',
    en: 'The price must be per a unit of the same kind as the capacity unit ({unit}): e.g. capacity in tonnes, price per kg, yến, quintal or tonne.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** Every message: the common ones here, procurement's in messages-procurement.ts. */
export const MESSAGES = { ...COMMON_MESSAGES, ...PROCUREMENT_MESSAGES } as const;

export type MessageKey = keyof typeof MESSAGES;


export function pickLang(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  if (!header) return 'vi';
  // The first language the caller names wins; Vietnamese is the default for anything else.
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function localize(
  key: MessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const template: string = MESSAGES[key][lang];
  const field = params.field ? String(params.field) : '';
  // "certifications.2.kind" is labelled like "certifications.kind": the index only locates the row.
  const label = field ? (FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\.\d+(?=\.|$)/g, '')])?.[lang] ?? field : '';
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'label' ? label : String(params[name] ?? ''),
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}
