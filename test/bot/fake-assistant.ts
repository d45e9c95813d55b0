/**
 * A small stand-in for the answering pipeline: answers with two citations,
 * refuses when the question contains REFUSE_MARKER, abstains when it contains
 * ABSTAIN_MARKER, throws when it contains FAIL_MARKER. Records every call.
 */
import type { AskOptions, Assistant, AssistantReply } from '../../core/assistant.js';
import { fold } from '../../core/text.js';

export const REFUSE_MARKER = 'tuyệt mật';
export const ABSTAIN_MARKER = 'không biết';
export const FAIL_MARKER = 'gây lỗi';

export const FAKE_CITATIONS = [
  { source: 'ke-hoach/221-KH-VKSTC.md', title: 'Kế hoạch công tác năm 2024', number: '221/KH-VKSTC', locator: 'Mục I > Mục tiêu' },
  {
    source: 'luat/khieu-nai-2011.txt',
    title: 'Luật Khiếu nại',
    number: '02/2011/QH13',
    locator: 'Chương III > Điều 28',
    superseded: '99/2025/QH15',
  },
];

export interface FakeCall {
  question: string;
  options?: AskOptions;
}

export class FakeAssistant implements Assistant {
  readonly calls: FakeCall[] = [];
  private n = 0;

  async ask(question: string, options?: AskOptions): Promise<AssistantReply> {
    this.calls.push({ question, options: options && { ...options, history: options.history?.map((t) => ({ ...t })) } });
    const id = `ans-${++this.n}`;
    const folded = fold(question);
    if (folded.includes(fold(FAIL_MARKER))) throw new Error('pipeline exploded');
    if (folded.includes(fold(REFUSE_MARKER))) {
      return { id, standalone: question, text: 'Tôi không thể trả lời câu hỏi liên quan đến tài liệu mật.', refused: true, abstained: false, citations: [], ms: 1 };
    }
    if (folded.includes(fold(ABSTAIN_MARKER))) {
      return { id, standalone: question, text: '', refused: false, abstained: true, citations: [], ms: 1 };
    }
    return {
      id,
      standalone: `(độc lập) ${question}`,
      text: `Trả lời cho: ${question} [1][2]`,
      refused: false,
      abstained: false,
      citations: FAKE_CITATIONS,
      ms: 1,
    };
  }

  health() {
    return { loaded: true, documents: 2, chunks: 10, version: 'fake-1' };
  }
}
