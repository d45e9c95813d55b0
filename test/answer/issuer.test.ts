/**
 * "… do cơ quan nào ban hành?" is answered from the particulars the ingest recorded for the
 * document the question names (core/answer/issuer.ts), citing that document.
 */
import { describe, expect, it } from 'vitest';
import type { Chunk, Scored } from '../../core/types.js';
import { composeExtractive } from '../../core/answer/compose.js';
import { asksIssuer, type Particulars } from '../../core/answer/issuer.js';

const chunk = (docId: string, title: string, number: string | undefined, type: Chunk['type'], text: string, article?: string): Chunk => ({
  id: `${docId}#${article ?? 0}`,
  docId,
  text,
  title,
  number,
  type,
  ord: 0,
  ...(article ? { article, locator: `Điều ${article}`, heading: text.split('\n')[0] } : {}),
});

const toCao = chunk(
  'luat/luat-to-cao-2018.txt',
  'Luật Tố cáo',
  '25/2018/QH14',
  'Luật',
  'Điều 26. Tiếp nhận, xử lý thông tin có nội dung tố cáo\n1. Khi nhận được tố cáo do cơ quan báo chí chuyển đến thì cơ quan tiếp nhận có trách nhiệm phân loại và xử lý.',
  '26',
);
const plan = chunk(
  'vksnd/ke-hoach-221-kh-vkstc-2023.md',
  'Kế hoạch chuyển đổi số năm 2024 ngành Kiểm sát nhân dân',
  '221/KH-VKSTC',
  'Kế hoạch',
  'Thông tin văn bản\n- Số, ký hiệu: Kế hoạch số 221/KH-VKSTC, ngày 15/12/2023.',
);
const guide = chunk('huong-dan/ky-so.md', 'Hướng dẫn ký số văn bản điện tử', undefined, 'Hướng dẫn', 'Các bước ký số một văn bản điện tử: soạn thảo, duyệt, ký số.');

const particulars = new Map<string, Particulars>([
  [toCao.docId, { issuer: 'Quốc hội', date: '2018-06-12' }],
  [plan.docId, { issuer: 'Viện kiểm sát nhân dân tối cao', date: '2023-12-15' }],
  [guide.docId, { issuer: 'Biên soạn nội bộ' }],
]);
const hits = (...chunks: Chunk[]): Scored<Chunk>[] => chunks.map((item, i) => ({ item, score: 1 - i / 10 }));
const compose = (q: string, h: Scored<Chunk>[]) => composeExtractive(q, h, { particularsOf: (id) => particulars.get(id) });

describe('who issued a document the question names', () => {
  it('reads the question as asking who or which body issued it, not when', () => {
    for (const q of ['Luật Tố cáo do cơ quan nào ban hành?', 'Kế hoạch 221 do ai ban hành?', 'ai ban hanh ke hoach 221', 'Cơ quan nào đã ban hành Nghị định 30?', 'Chỉ thị này được ban hành bởi ai?']) {
      expect(asksIssuer(q), q).toBe(true);
    }
    const others = ['Kế hoạch 221 ban hành ngày nào?', 'Ai có thẩm quyền giải quyết tố cáo?', 'Cơ quan ban hành quyết định hành chính có trách nhiệm gì?'];
    // Asking something else too: the passages answer the whole question.
    others.push('Chỉ thị 01/CT-VKSTC do ai ban hành, ngày nào và về nội dung gì?', 'Luật Tố cáo do cơ quan nào ban hành và có hiệu lực khi nào?');
    for (const q of others) {
      expect(asksIssuer(q), q).toBe(false);
    }
  });

  it('answers from the particulars of the document named by title or number, citing it', () => {
    const law = compose('Luật Tố cáo do cơ quan nào ban hành?', hits(toCao, plan));
    expect(law.abstained).toBe(false);
    expect(law.text).toContain('Luật số 25/2018/QH14 do Quốc hội ban hành ngày 12/06/2018.');
    expect(law.citations).toEqual([{ source: toCao.docId, title: 'Luật Tố cáo', number: '25/2018/QH14' }]);
    expect(law.used.map((h) => h.item)).toEqual([toCao]);

    const byNumber = compose('Kế hoạch 221 do ai ban hành?', hits(toCao, plan));
    expect(byNumber.text).toContain('Kế hoạch số 221/KH-VKSTC do Viện kiểm sát nhân dân tối cao ban hành ngày 15/12/2023.');
    expect(byNumber.citations.map((c) => c.source)).toEqual([plan.docId]);
  });

  it('leaves other questions, documents not named and documents without a number to the passages', () => {
    // Not named: Điều 26 is no answer to who issued another law, and no particulars are invented.
    expect(compose('Luật Khiếu nại do cơ quan nào ban hành?', hits(toCao)).text).not.toContain('ban hành ngày');
    expect(compose('Hướng dẫn ký số văn bản điện tử do ai ban hành?', hits(guide)).text).not.toContain('Biên soạn nội bộ');
    expect(compose('Kế hoạch 221 ban hành ngày nào?', hits(plan)).text).not.toContain('do Viện kiểm sát nhân dân tối cao ban hành');
    // Without particulars (an older caller), the passages answer as before.
    expect(composeExtractive('Luật Tố cáo do cơ quan nào ban hành?', hits(toCao)).text).not.toContain('do Quốc hội ban hành');
  });
});
