import type { Lang } from './messages';

/** Needs, bids, questions, awards and contracts: what procurement tells people, in Vietnamese (first) and English. */
export const PROCUREMENT_MESSAGES = {
  needNotDraft: {
    vi: 'Chỉ sửa được nhu cầu mua đang là bản nháp; nhu cầu này đã được gửi đi hoặc đã kết thúc. Khi nhu cầu đang mở, bạn có thể gia hạn hoặc đăng làm rõ; muốn đổi số lượng, ngành hàng, thời gian hay nơi giao hàng, hãy hủy nhu cầu này và đăng nhu cầu mới.',
    en: 'Only a draft need can be edited; this one has been submitted or has ended. While it is open you may extend its deadline or publish a clarification; to change the quantity, category, delivery window or province, cancel it and post a new need.',
  },
  needNotAmendable: {
    vi: 'Chỉ gia hạn hoặc đăng làm rõ được khi nhu cầu mua đang mở nhận báo giá; nhu cầu này chưa được mở hoặc đã kết thúc.',
    en: 'A need can be extended or clarified only while it is open for bids; this one is not open yet or has ended.',
  },
  amendDeadlinePassed: {
    vi: 'Đã hết hạn nhận báo giá của nhu cầu này nên không thể gia hạn hay đăng làm rõ nữa.',
    en: 'The bid deadline of this need has passed, so it can no longer be extended or clarified.',
  },
  extensionNotLater: {
    vi: 'Hạn mới phải sau hạn nộp hồ sơ hiện tại.',
    en: 'The new deadline must be later than the current bid deadline.',
  },
  extensionTooFar: {
    vi: 'Hạn mới không được xa quá {days} ngày kể từ bây giờ.',
    en: 'The new deadline may not be more than {days} days from now.',
  },
  tooManyExtensions: {
    vi: 'Nhu cầu này đã được gia hạn {max} lần, không thể gia hạn thêm. Nếu cần thêm thời gian, hãy hủy và đăng nhu cầu mới.',
    en: 'This need has been extended {max} times and cannot be extended again. If you need more time, cancel it and post a new need.',
  },
  tooManyClarifications: {
    vi: 'Nhu cầu này đã có {max} nội dung làm rõ, không thể đăng thêm. Nếu điều kiện đã thay đổi nhiều, hãy hủy và đăng nhu cầu mới.',
    en: 'This need already has {max} clarifications and cannot take more. If the terms changed a lot, cancel it and post a new need.',
  },
  bidDeadlinePassed: {
    vi: 'Đã hết hạn nhận báo giá của nhu cầu này: không thể gửi, sửa hay rút báo giá nữa.',
    en: 'The bid deadline of this need has passed: bids can no longer be submitted, revised or withdrawn.',
  },
  bidCooperativesOnly: {
    vi: 'Chỉ hợp tác xã mới gửi báo giá cho nhu cầu mua; doanh nghiệp của bạn có thể đăng nhu cầu của mình.',
    en: 'Only cooperatives bid on needs; your enterprise can post needs of its own.',
  },
  bidOwnNeed: {
    vi: 'Tổ chức của bạn đăng nhu cầu này nên không thể báo giá cho nó.',
    en: 'Your organization posted this need, so it cannot bid on it.',
  },
  bidVerificationRequired: {
    vi: 'Tổ chức của bạn cần được xác minh trước khi báo giá. Vui lòng chờ quản trị viên xác minh hồ sơ.',
    en: 'Your organization must be verified before it can bid. Please wait for an administrator to verify it.',
  },
  organizationSuspendedBids: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên không thể báo giá. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so it cannot bid. See the reason on your account page.',
  },
  bidQuantityAboveNeed: {
    vi: '{label} không được vượt quá số lượng cần mua ({max}).',
    en: '{label} may not exceed the quantity needed ({max}).',
  },
  bidPartialNotAllowed: {
    vi: 'Nhu cầu này không nhận báo giá một phần: {label} phải bằng số lượng cần mua ({quantity}).',
    en: 'This need does not take partial bids: the {label} must equal the quantity needed ({quantity}).',
  },
  bidDeliveryOutsideWindow: {
    vi: '{label} phải nằm trong thời gian giao hàng của nhu cầu, từ {from} đến {to}.',
    en: 'The {label} must be inside the need\'s delivery window, from {from} to {to}.',
  },
  bidNotWithdrawable: {
    vi: 'Báo giá này đã được rút hoặc đã có kết quả nên không rút được nữa.',
    en: 'This bid has already been withdrawn or decided, so it cannot be withdrawn.',
  },
  needNotSubmittable: {
    vi: 'Chỉ gửi duyệt được nhu cầu mua đang là bản nháp; nhu cầu này đã được gửi đi hoặc đã kết thúc.',
    en: 'Only a draft need can be submitted; this one has already been submitted or has ended.',
  },
  organizationNotVerifiedYet: {
    vi: 'Tổ chức của bạn chưa được xác minh nên chưa thể gửi nhu cầu mua. Nếu vừa được xác minh, vui lòng thử lại sau ít giây.',
    en: 'Your organization is not verified yet, so it cannot submit needs. If it was verified just now, please try again in a few seconds.',
  },
  needNotPending: {
    vi: 'Nhu cầu mua này không còn chờ duyệt; có thể một người kiểm duyệt khác vừa xử lý hoặc người mua đã hủy.',
    en: 'This need is no longer awaiting review; another moderator may have just decided it, or the buyer cancelled it.',
  },
  needDeadlineTooClose: {
    vi: 'Hạn nộp hồ sơ của nhu cầu này còn chưa đến {minutes} phút nên không thể mở cho nhà cung cấp; hãy từ chối kèm lý do để người mua đăng lại với hạn mới.',
    en: 'This need\'s bid deadline is less than {minutes} minutes away, so it cannot be opened to suppliers; reject it with a reason so the buyer can post it again with a new deadline.',
  },
  needNotCancellable: {
    vi: 'Nhu cầu mua này đã đóng hoặc đã kết thúc nên không hủy được nữa.',
    en: 'This need has closed or ended, so it can no longer be cancelled.',
  },
  deadlinePassed: {
    vi: 'Đã hết hạn nộp hồ sơ cho nhu cầu mua này.',
    en: 'The bid deadline of this need has passed.',
  },
  awardDeadlineNotPassed: {
    vi: 'Chưa hết hạn nhận báo giá của nhu cầu này nên chưa thể chọn nhà cung cấp. Vui lòng đợi đến {deadline}.',
    en: 'The bid deadline of this need has not passed yet, so it cannot be awarded. Please wait until {deadline}.',
  },
  needAlreadyDecided: {
    vi: 'Nhu cầu này đã được trao thầu hoặc đã đóng, không thể quyết định lại.',
    en: 'This need has already been awarded or closed; it cannot be decided again.',
  },
  needNotAwardable: {
    vi: 'Chỉ trao thầu được nhu cầu đã mở nhận báo giá và đã hết hạn; nhu cầu này chưa được đăng hoặc đã bị hủy.',
    en: 'Only a need that was open for bids and whose deadline has passed can be awarded; this one was never published or was cancelled.',
  },
  awardUnknownBid: {
    vi: 'Báo giá được chọn không phải là báo giá còn hiệu lực của nhu cầu này.',
    en: 'The chosen bid is not a live bid on this need.',
  },
  awardSupplierNotVerified: {
    vi: 'Nhà cung cấp của báo giá này hiện đang bị tạm ngừng hoạt động nên không thể được trao thầu; hãy chọn báo giá khác.',
    en: 'The supplier of this bid is currently suspended, so it cannot be awarded; choose another bid.',
  },
  awardDuplicateBid: {
    vi: 'Mỗi báo giá chỉ được chọn một lần.',
    en: 'Each bid may be chosen only once.',
  },
  awardQuantityAboveBid: {
    vi: '{label} không được vượt quá số lượng của báo giá ({max}).',
    en: 'The {label} may not exceed the bid\'s quantity ({max}).',
  },
  awardQuantityAboveNeed: {
    vi: 'Tổng số lượng trao thầu không được vượt quá số lượng cần mua ({max}).',
    en: 'The awarded quantities together may not exceed the quantity needed ({max}).',
  },
  awardsRequired: {
    vi: 'Vui lòng chọn ít nhất một báo giá để trao thầu.',
    en: 'Please choose at least one bid to award.',
  },
  contractOtherParty: {
    vi: 'Bước này thuộc về bên kia của hợp đồng.',
    en: 'This step belongs to the other party of the contract.',
  },
  shipmentNotAllowed: {
    vi: 'Chỉ ghi nhận giao hàng được cho hợp đồng đang hiệu lực hoặc đang giao; hợp đồng này đang tranh chấp, đã hủy hoặc đã hoàn tất.',
    en: 'Shipments can be recorded only on an active or delivering contract; this one is disputed, cancelled or completed.',
  },
  shipmentAboveContract: {
    vi: '{label} vượt quá phần còn lại của hợp đồng ({max}); không được giao vượt số lượng hợp đồng.',
    en: 'The {label} exceeds what is left of the contract ({max}); shipping more than the contract is not allowed.',
  },
  shipmentLimit: {
    vi: 'Một hợp đồng nhận tối đa {max} lô hàng; hãy gộp phần còn lại vào một lô.',
    en: 'A contract takes at most {max} shipments; ship what is left in one lot.',
  },
  receiptNotAllowed: {
    vi: 'Không thể xác nhận nhận hàng khi hợp đồng đang tranh chấp, đã hủy hoặc đã hoàn tất.',
    en: 'Receipts cannot be confirmed while the contract is disputed, cancelled or completed.',
  },
  receiptAlreadyConfirmed: {
    vi: 'Lô hàng này đã được xác nhận nhận hàng.',
    en: 'The receipt of this shipment has already been confirmed.',
  },
  receiptAboveShipped: {
    vi: '{label} không được vượt quá số lượng đã giao ({max}).',
    en: 'The {label} may not exceed the quantity shipped ({max}).',
  },
  contractNotCompletable: {
    vi: 'Chỉ hoàn tất được hợp đồng đang giao hàng, có ít nhất một lô hàng và mọi lô đã được xác nhận nhận hàng.',
    en: 'A contract can be completed only while delivering, with at least one shipment and every receipt confirmed.',
  },
  disputeNotAllowed: {
    vi: 'Chỉ mở tranh chấp được cho hợp đồng đang hiệu lực hoặc đang giao hàng.',
    en: 'A dispute can be opened only on an active or delivering contract.',
  },
  disputeNotOpen: {
    vi: 'Hợp đồng này không có tranh chấp đang mở.',
    en: 'This contract has no open dispute.',
  },
  disputeStatementGiven: {
    vi: 'Bên kia đã gửi giải trình cho tranh chấp này, hoặc bạn là bên mở tranh chấp.',
    en: 'The statement for this dispute has been given already, or you are the side that opened it.',
  },
  reviewNotAllowed: {
    vi: 'Chỉ đánh giá được sau khi hợp đồng hoàn tất.',
    en: 'A contract can be reviewed only after it is completed.',
  },
  reviewAlreadyGiven: {
    vi: 'Tổ chức của bạn đã đánh giá hợp đồng này.',
    en: 'Your organization has already reviewed this contract.',
  },
  reorderNotAllowed: {
    vi: 'Chỉ đặt lại được từ một hợp đồng đã hoàn tất.',
    en: 'Only a completed contract can be reordered.',
  },
  questionOwnNeed: {
    vi: 'Tổ chức của bạn đăng nhu cầu này nên không thể đặt câu hỏi cho nó; hãy trả lời câu hỏi của các hợp tác xã.',
    en: 'Your organization posted this need, so it cannot ask about it; answer the cooperatives\' questions instead.',
  },
  questionCooperativesOnly: {
    vi: 'Chỉ hợp tác xã mới đặt câu hỏi cho nhu cầu mua.',
    en: 'Only cooperatives ask questions on needs.',
  },
  questionVerificationRequired: {
    vi: 'Tổ chức của bạn cần được xác minh trước khi đặt câu hỏi. Vui lòng chờ quản trị viên xác minh hồ sơ.',
    en: 'Your organization must be verified before it can ask questions. Please wait for an administrator to verify it.',
  },
  organizationSuspendedQuestions: {
    vi: 'Tổ chức của bạn đang bị tạm ngừng hoạt động nên không thể đặt câu hỏi. Xem lý do trong trang Tài khoản.',
    en: 'Your organization is suspended, so it cannot ask questions. See the reason on your account page.',
  },
  questionsClosed: {
    vi: 'Đã hết hạn nhận báo giá của nhu cầu này nên phần hỏi đáp đã đóng: không thể hỏi hay trả lời nữa.',
    en: 'The bid deadline of this need has passed, so its questions are closed: nothing more can be asked or answered.',
  },
  questionLimitOrganization: {
    vi: 'Tổ chức của bạn đã đặt {max} câu hỏi cho nhu cầu này, mức tối đa cho mỗi tổ chức.',
    en: 'Your organization has asked {max} questions on this need, the most one organization may ask.',
  },
  questionLimitNeed: {
    vi: 'Nhu cầu này đã nhận {max} câu hỏi, mức tối đa; hãy xem các câu trả lời đã có.',
    en: 'This need has received {max} questions, the most it takes; please read the answers given.',
  },
  questionsNeedNotOpen: {
    vi: 'Nhu cầu này không còn mở nên phần hỏi đáp đã đóng.',
    en: 'This need is no longer open, so its questions are closed.',
  },
  questionAlreadyAnswered: {
    vi: 'Câu hỏi này đã được trả lời; mỗi câu hỏi chỉ được trả lời một lần.',
    en: 'This question has already been answered; each question is answered once.',
  },
  invitedSuppliersRequired: {
    vi: 'Nhu cầu chỉ dành cho nhà cung cấp được mời phải mời ít nhất một hợp tác xã.',
    en: 'A need for invited suppliers only must invite at least one cooperative.',
  },
  invitedSupplierSelf: {
    vi: 'Tổ chức của bạn không thể tự mời mình báo giá.',
    en: 'Your organization cannot invite itself to bid.',
  },
  invitedSupplierUnavailable: {
    vi: 'Không tìm thấy nhà cung cấp được mời, hoặc nhà cung cấp này chưa được xác minh.',
    en: 'An invited supplier does not exist or is not verified.',
  },
  invitedSupplierNotCooperative: {
    vi: 'Chỉ mời được hợp tác xã báo giá, không mời được doanh nghiệp.',
    en: 'Only cooperatives can be invited to bid, not enterprises.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
