/**
 * "Luật … quy định về vấn đề gì?", "… áp dụng đối với những ai?": the article that says what a
 * named document governs, or whom, is drawn into the hits and quoted (core/retrieval/scope.ts,
 * core/answer/scope.ts). Checked on laws the knowledge base does not ship.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../core/types.js';
import { inMemoryRetriever } from '../support/in-memory-retriever.js';
import { namesOnly, scopeQuestion, scopeRank } from '../../core/retrieval/scope.js';
import { composeExtractive } from '../../core/answer/compose.js';

const laws = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'laws');

/** One chunk per article, as the chunker's article split gives. */
function articles(file: string, docId: string, title: string, number: string): Chunk[] {
  const text = readFileSync(resolve(laws, file), 'utf8');
  return text
    .split(/\n(?=Điều \d+\.)/u)
    .slice(1)
    .map((p, ord) => {
      const heading = p.split('\n')[0];
      return { id: `${docId}#${ord}`, docId, text: p.trim(), heading, article: heading.match(/\d+/)![0], locator: `Điều ${heading.match(/\d+/)![0]}`, ord: ord + 1, title, number, type: 'Luật' };
    });
}

describe('scopeQuestion', () => {
  it.each([
    ['Luật Thanh tra quy định về vấn đề gì?', 'scope', 'luat thanh tra'],
    ['luat thanh tra dieu chinh nhung gi', 'scope', 'luat thanh tra'],
    ['Phạm vi điều chỉnh của Luật Thanh tra là gì?', 'scope', 'luat thanh tra'],
    ['Phạm vi điều chỉnh của Nghị định 30/2020/NĐ-CP', 'scope', 'nghi dinh 30 2020 nd cp'],
    ['Cho tôi hỏi Kế hoạch 221 là kế hoạch về gì?', 'scope', 'ke hoach 221'],
    ['Chỉ thị 01 nói về nội dung gì?', 'scope', 'chi thi 01'],
    ['Luật Tố tụng hành chính áp dụng đối với những ai?', 'applies', 'luat to tung hanh chinh'],
    ['Đối tượng áp dụng của Luật Thi hành tạm giữ, tạm giam là gì?', 'applies', 'luat thi hanh tam giu tam giam'],
  ])('reads "%s" as a %s question about "%s"', (q, kind, document) => {
    expect(scopeQuestion(q)).toEqual({ kind, document: document.split(' ') });
  });

  it.each([
    'Luật Thanh tra quy định gì về thời hạn thanh tra?',
    'Thời hạn khiếu nại được quy định thế nào?',
    'Người tố cáo có những quyền gì?',
    'Thanh tra viên là gì?',
  ])('leaves "%s" to the passages: it asks about something in the document', (q) => {
    expect(scopeQuestion(q)).toBeUndefined();
  });
});

describe('namesOnly', () => {
  const chunk = (title: string, number: string, type: Chunk['type']): Chunk => ({ id: 'x', docId: 'x', text: '', ord: 0, title, number, type });
  const decree = chunk('Nghị định về công tác văn thư', '30/2020/NĐ-CP', 'Nghị định');
  const code = chunk('Bộ luật Tố tụng hình sự', '101/2015/QH13', 'Bộ luật');
  it('accepts the document named by its title, its number or an abbreviation of its title', () => {
    expect(namesOnly('nghi dinh 30 2020 nd cp'.split(' '), decree)).toBe(true);
    expect(namesOnly('nghi dinh 30'.split(' '), decree)).toBe(true);
    expect(namesOnly(['bltths'], code)).toBe(true);
    expect(namesOnly('bo luat to tung hinh su nam 2015'.split(' '), code)).toBe(true);
  });
  it('rejects another number, a part of the title, or words beyond the name', () => {
    expect(namesOnly('nghi dinh 26'.split(' '), decree)).toBe(false);
    expect(namesOnly('bo luat hinh su'.split(' '), code)).toBe(false);
    expect(namesOnly('nghi dinh 30 ve ban sao'.split(' '), decree)).toBe(false);
  });
});

describe('scope questions over laws the knowledge base does not ship', () => {
  const thanhTra = articles('luat-thanh-tra-2022.txt', 'thanh-tra', 'Luật Thanh tra', '11/2022/QH15');
  const tamGiam = articles('luat-thi-hanh-tam-giu-tam-giam-2015.txt', 'tam-giam', 'Luật Thi hành tạm giữ, tạm giam', '94/2015/QH13');
  const hanhChinh = articles('luat-to-tung-hanh-chinh-2015.txt', 'hanh-chinh', 'Luật Tố tụng hành chính', '93/2015/QH13');
  const r = inMemoryRetriever([...thanhTra, ...tamGiam, ...hanhChinh]);

  const cases: [string, string, string][] = [
    ['Luật Thanh tra quy định về vấn đề gì?', 'thanh-tra', '1'],
    ['luat thi hanh tam giu tam giam dieu chinh nhung gi', 'tam-giam', '1'],
    ['Luật Thi hành tạm giữ, tạm giam áp dụng đối với ai?', 'tam-giam', '2'],
    ['Luật Tố tụng hành chính áp dụng với những ai?', 'hanh-chinh', '2'],
    // No "Đối tượng áp dụng" article: whom a law governs is in its scope article.
    ['Luật Thanh tra áp dụng đối với những ai?', 'thanh-tra', '1'],
  ];
  for (const [q, doc, article] of cases) {
    it(`ranks Điều ${article} of ${doc} first for "${q}" and quotes it`, async () => {
      const hits = await r.retrieve(q, 12);
      expect(`${hits[0].item.docId}:${hits[0].item.article}`).toBe(`${doc}:${article}`);
      const answer = composeExtractive(q, hits);
      expect(answer.abstained).toBe(false);
      expect(answer.citations[0]).toMatchObject({ locator: `Điều ${article}` });
      expect(answer.text).toContain(hits[0].item.text.split('\n')[1].slice(0, 40));
    });
  }

  it('ranks an article on the asked subject, not the scope article, for a question on something in the law', async () => {
    const hits = await r.retrieve('Luật Thanh tra quy định thời hạn thanh tra như thế nào?', 5);
    expect(hits[0].item.article).not.toBe('1');
    expect(composeExtractive('Luật Thanh tra quy định thời hạn thanh tra như thế nào?', hits).citations[0].locator).not.toBe('Điều 1');
  });

  it('does not take one law for another of a shared word', async () => {
    const hits = await r.retrieve('Luật Thanh niên quy định về vấn đề gì?', 12);
    expect(hits.some((h) => scopeRank(h.item, 'scope') === 0 && h.score > 1.5)).toBe(false);
  });
});

describe('a summary without a scope article', () => {
  const summary = (ord: number, heading: string, text: string): Chunk => ({
    id: `kh#${ord}`,
    docId: 'kh',
    text,
    heading,
    ord,
    title: 'Kế hoạch chuyển đổi số năm 2024 ngành Kiểm sát nhân dân (Kế hoạch số 221/KH-VKSTC ngày 15/12/2023) — tóm tắt từ tin bài',
    number: '221/KH-VKSTC',
    type: 'Kế hoạch',
    locator: heading,
  });
  const opening = summary(0, 'Kế hoạch số 221/KH-VKSTC ngày 15/12/2023 về chuyển đổi số trong ngành Kiểm sát năm 2024', '> Lưu ý: Đây là bản tóm tắt, không phải toàn văn.');
  const goals = summary(1, 'Mục tiêu chung', 'Mục tiêu chung của Kế hoạch là đưa toàn bộ hoạt động hành chính lên môi trường số.');
  it('answers with the heading that states its subject, citing the document', () => {
    const answer = composeExtractive('Kế hoạch 221 là kế hoạch về gì?', [
      { item: goals, score: 2 },
      { item: opening, score: 1.5 },
    ]);
    expect(answer.text).toContain('về chuyển đổi số trong ngành Kiểm sát năm 2024.');
    expect(answer.text).not.toContain('Lưu ý');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0].locator).toBeUndefined();
  });
  it('leaves whom it applies to (which the heading does not say) to the passages', () => {
    const answer = composeExtractive('Kế hoạch 221 áp dụng đối với những ai?', [{ item: opening, score: 1 }]);
    expect(answer.text).not.toContain('về chuyển đổi số trong ngành Kiểm sát năm 2024.');
  });
});
