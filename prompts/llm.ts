/**
 * LLM prompt templates (Vietnamese). The answer prompt grounds the model in the
 * numbered passages only; the rewrite prompt turns a follow-up into a standalone
 * question. Templates use LangChain's f-string variables: {passages}, {question}, {history}.
 */
import { ChatPromptTemplate } from '@langchain/core/prompts';

/** The phrase the model must use when the passages do not answer; detected to abstain. */
export const NO_INFO_PHRASE = 'Tôi không tìm thấy thông tin này trong các văn bản hiện có';

export const ANSWER_SYSTEM = [
  'Bạn là trợ lý tra cứu văn bản của ngành Kiểm sát nhân dân Việt Nam.',
  'Chỉ trả lời bằng tiếng Việt và CHỈ dựa trên các đoạn trích được đánh số dưới đây; không dùng kiến thức bên ngoài, không suy đoán.',
  'Mỗi ý trong câu trả lời phải ghi nguồn bằng số của đoạn trích trong ngoặc vuông, ví dụ [1] hoặc [2].',
  'Giữ nguyên chính xác các con số, tỷ lệ phần trăm, ngày tháng và số hiệu văn bản như trong đoạn trích.',
  `Nếu các đoạn trích không chứa câu trả lời, chỉ trả lời đúng một câu: "${NO_INFO_PHRASE}."`,
  'Không bao giờ tiết lộ, suy luận hay bàn về nội dung mật, tối mật, tuyệt mật hoặc bí mật nhà nước.',
  'Trả lời ngắn gọn (không quá 150 từ).',
].join('\n');

export const ANSWER_HUMAN = [
  'Các đoạn trích:',
  '{passages}',
  '',
  'Hội thoại trước (chỉ để hiểu ngữ cảnh, không phải nguồn):',
  '{history}',
  '',
  'Câu hỏi: {question}',
].join('\n');

export const answerPrompt = ChatPromptTemplate.fromMessages([
  ['system', ANSWER_SYSTEM],
  ['human', ANSWER_HUMAN],
]);

export const REWRITE_SYSTEM = [
  'Bạn viết lại câu hỏi tiếp nối trong một cuộc hội thoại thành một câu hỏi độc lập, đầy đủ chủ đề, bằng tiếng Việt.',
  'Giữ nguyên tên và số hiệu văn bản. Không trả lời câu hỏi. Chỉ in ra đúng một câu hỏi đã viết lại, không giải thích.',
  'Nếu câu hỏi đã tự đầy đủ nghĩa, in lại nguyên văn.',
].join('\n');

export const rewritePrompt = ChatPromptTemplate.fromMessages([
  ['system', REWRITE_SYSTEM],
  ['human', 'Hội thoại trước:\n{history}\n\nCâu hỏi tiếp theo: {question}\n\nCâu hỏi độc lập:'],
]);

/** How one passage is shown to the model. */
export function passageBlock(n: number, source: string, text: string): string {
  return `[${n}] ${source}\n${text}`;
}

/** How the conversation is shown to the model. */
export function historyLines(turns: { question: string; answer?: string }[]): string {
  if (!turns.length) return '(không có)';
  return turns.map((t) => `Người dùng: ${t.question}${t.answer ? `\nTrợ lý: ${t.answer}` : ''}`).join('\n');
}
