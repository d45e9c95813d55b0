/**
 * Every Vietnamese text the bot service shows to users: chat replies, cards,
 * the web chat page. Kept here so wording can change without touching logic.
 */

export const BOT_NAME = 'Trợ lý ảo VKSND';

export const EXAMPLE_QUESTIONS = [
  'Kế hoạch 221/KH-VKSTC có bao nhiêu mục tiêu?',
  'Làm thế nào để ký số văn bản?',
  'Thời hạn giải quyết khiếu nại lần đầu là bao lâu?',
] as const;

export const WELCOME_TEXT = [
  'Xin chào! Tôi là trợ lý ảo của Viện kiểm sát nhân dân.',
  'Tôi trả lời câu hỏi về văn bản pháp luật, kế hoạch, quy chế và hướng dẫn nghiệp vụ của ngành, kèm nguồn trích dẫn (số văn bản, điều, khoản) để bạn kiểm tra lại.',
  'Tôi không xử lý tài liệu mật và sẽ từ chối mọi câu hỏi liên quan đến bí mật nhà nước.',
  'Bạn có thể thử một trong các câu hỏi dưới đây:',
].join('\n\n');

export const SOURCES_HEADING = 'Nguồn:';
export const CARD_SOURCES_TITLE = 'Nguồn trích dẫn';
export const SUPERSEDED_NOTE = (replacement: string) => `đã được thay thế bởi ${replacement}`;
export const FOLLOW_UP_PROMPT = 'Bạn có muốn hỏi thêm về nội dung này?';
export const FOLLOW_UP_MORE = (doc: string) => `${doc} còn quy định gì khác?`;
export const FOLLOW_UP_EFFECTIVE = (doc: string) => `${doc} có hiệu lực từ khi nào?`;

export const ABSTAIN_FALLBACK =
  'Xin lỗi, tôi chưa tìm thấy thông tin đủ tin cậy trong các văn bản hiện có để trả lời câu hỏi này. Bạn có thể nêu rõ số văn bản, tên văn bản hoặc diễn đạt lại câu hỏi.';

export const EMPTY_MESSAGE = 'Bạn hãy nhập câu hỏi bằng chữ để tôi có thể hỗ trợ.';
export const TOO_LONG = (max: number, actual: number) =>
  `Câu hỏi quá dài (${actual} ký tự, tối đa ${max} ký tự). Bạn vui lòng rút gọn câu hỏi hoặc tách thành nhiều câu hỏi nhỏ.`;
export const RATE_LIMITED = (seconds: number) =>
  `Bạn đang gửi câu hỏi nhanh hơn mức cho phép. Vui lòng đợi khoảng ${seconds} giây rồi hỏi lại.`;
export const TENANT_NOT_ALLOWED =
  'Xin lỗi, trợ lý ảo này chỉ phục vụ người dùng trong các đơn vị thuộc ngành Kiểm sát nhân dân đã được cấp quyền. Vui lòng liên hệ quản trị viên nếu bạn cần sử dụng.';
export const TURN_ERROR =
  'Xin lỗi, đã có lỗi xảy ra khi xử lý câu hỏi của bạn. Bạn vui lòng thử lại sau ít phút; cuộc trò chuyện vẫn tiếp tục bình thường.';

export const FEEDBACK_THANKS = 'Cảm ơn bạn đã góp ý! Ý kiến của bạn giúp trợ lý trả lời tốt hơn.';
export const FEEDBACK_LIKE = '👍 Hữu ích';
export const FEEDBACK_DISLIKE = '👎 Chưa tốt';
export const FEEDBACK_COMMENT_PLACEHOLDER = 'Góp ý thêm (không bắt buộc)';
export const FEEDBACK_SEND = 'Gửi góp ý';

/** Web chat page (served by the bot). */
export const WEBCHAT = {
  title: 'Trợ lý ảo Viện kiểm sát nhân dân',
  subtitle: 'Hỏi đáp văn bản, kế hoạch, quy định của ngành Kiểm sát — có trích dẫn nguồn',
  notice: 'Không nhập thông tin mật, bí mật nhà nước hoặc dữ liệu cá nhân vào khung chat.',
  placeholder: 'Nhập câu hỏi của bạn…',
  connectError: 'Không kết nối được với trợ lý ảo. Vui lòng tải lại trang.',
  botName: 'Trợ lý VKS',
  userName: 'Bạn',
} as const;
