import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { namedArticles } from '../../core/answer/primary.js';
import type { Chunk, Scored } from '../../core/types.js';

const hit = (over: Partial<Chunk>): Scored<Chunk> => ({
  item: { id: over.id ?? 'x', docId: 'guide.md', text: '', ord: 0, title: 'Hướng dẫn nộp hồ sơ', type: 'Hướng dẫn', ...over } as Chunk,
  score: 1,
});

const steps = hit({
  id: 'g',
  heading: 'Các bước nộp hồ sơ',
  text: [
    '1. **Chuẩn bị.** Kiểm tra giấy tờ tùy thân, điền tờ khai theo mẫu (khoản 1 Điều 5 Luật Hộ tịch).',
    '2. **Nộp hồ sơ.** Nộp tại bộ phận một cửa và nhận phiếu hẹn (Điều 7 Nghị định khác).',
  ].join('\n'),
});
const law5 = hit({ id: 'l5', docId: 'luat/ho-tich.txt', title: 'Luật Hộ tịch', type: 'Luật', article: '5', locator: 'Điều 5', heading: 'Điều 5. Hồ sơ', text: '1. Hồ sơ gồm tờ khai theo mẫu.' });
const law7 = hit({ id: 'l7', docId: 'luat/ho-tich.txt', title: 'Luật Hộ tịch', type: 'Luật', article: '7', locator: 'Điều 7', heading: 'Điều 7. Nơi nộp', text: '1. Nộp tại bộ phận một cửa.' });

describe('primary sources of a guide', () => {
  it('finds the retrieved articles a text names with their document, not an article of another document', () => {
    const named = namedArticles(steps.item.text, [steps, law7, law5]);
    expect(named.map((h) => h.item.id)).toEqual(['l5']);
  });

  it('cites the article a quoted procedure names beside the guide', () => {
    const r = composeExtractive('Các bước nộp hồ sơ như thế nào?', [steps, law5, law7], { skipAbstention: true });
    expect(r.text).toContain('1. Chuẩn bị.');
    expect(r.citations.map((c) => `${c.source} ${c.locator ?? ''}`.trim())).toEqual(['guide.md', 'luat/ho-tich.txt Điều 5']);
  });
});
