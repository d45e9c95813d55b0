/**
 * What the assistant says to a greeting, thanks, a goodbye or a question about itself: no
 * document answers those, and "not found in the documents" would be a strange reply to "xin chào".
 */
import { EXAMPLE_QUESTIONS } from './bot.js';

const EXAMPLES = EXAMPLE_QUESTIONS.map((q) => `- ${q}`).join('\n');

const CAN_DO =
  'Tôi trả lời câu hỏi về văn bản pháp luật, kế hoạch, quy chế và hướng dẫn nghiệp vụ của ngành Kiểm sát đã được nạp vào hệ thống, kèm nguồn trích dẫn (văn bản, điều, khoản). Tôi không xử lý tài liệu mật.';

/** Who the assistant is and what it answers, with examples: its reply to "bạn là ai?", and after a greeting. */
const INTRODUCTION = `Tôi là trợ lý ảo của Viện kiểm sát nhân dân. ${CAN_DO}\nBạn có thể hỏi, ví dụ:\n${EXAMPLES}`;

export const SMALL_TALK_TEXT = {
  greeting: `Xin chào! ${INTRODUCTION}`,
  thanks: 'Rất vui được hỗ trợ bạn. Khi cần tra cứu thêm, bạn cứ đặt câu hỏi.',
  goodbye: 'Tạm biệt bạn! Khi cần tra cứu văn bản, bạn cứ quay lại hỏi.',
  identity: INTRODUCTION,
  personal: `Tôi là trợ lý ảo nên không có tuổi hay chuyện riêng để kể. ${CAN_DO}`,
} as const;

export type SmallTalkKind = keyof typeof SMALL_TALK_TEXT;
