import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chunk, DocMeta } from '../../core/types.js';
import { chunkDocument } from '../../ingest/chunk.js';
import { loadFile } from '../../ingest/loaders/index.js';
import { detectMetadata } from '../../ingest/metadata.js';
import { PREAMBLE_LOCATOR } from '../../prompts/ingest.js';
import { laws, shared, squash } from './helpers.js';

async function chunksOf(abs: string, max?: number): Promise<{ text: string; chunks: Chunk[] }> {
  const d = await loadFile(abs);
  const meta = detectMetadata(d.text, d.declared, path.basename(abs));
  return { text: d.text, chunks: chunkDocument(d.text, meta, max ? { maxChars: max } : {}) };
}

/** Invariants every chunking must keep, whatever the document. */
function expectSound(text: string, chunks: Chunk[], max: number): void {
  const source = squash(text);
  for (const c of chunks) {
    expect(c.text.length, c.locator).toBeLessThanOrEqual(max);
    expect(source.includes(squash(c.text)), `${c.locator}: ${c.text.slice(0, 80)}`).toBe(true);
    // Never ends on a bare khoản/điểm marker whose text went to the next chunk.
    expect(c.text.trim()).not.toMatch(/(^|\n)(\d{1,3}\.|[a-zđ]\))$/u);
  }
  const ids = chunks.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(chunks.map((c) => c.ord)).toEqual(chunks.map((_, i) => i));
}

/** The continuation of a chunk in the source must not glue onto its last token (no split inside a token). */
function expectTokenBoundaries(text: string, chunks: Chunk[]): void {
  const source = squash(text);
  for (const c of chunks) {
    const s = squash(c.text);
    const at = source.indexOf(s);
    const after = source[at + s.length];
    expect(after === undefined || after === ' ', `${c.locator} ends inside a token`).toBe(true);
  }
}

describe('chunkDocument on Luật Tổ chức VKSND 2014', () => {
  it('has one article per Điều, chapter-aware locators and article headings', async () => {
    const { text, chunks } = await chunksOf(path.join(laws, 'luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt'));
    expectSound(text, chunks, 1500);
    expectTokenBoundaries(text, chunks);
    expect(new Set(chunks.filter((c) => c.article).map((c) => c.article)).size).toBe(101);
    const a2 = chunks.filter((c) => c.article === '2');
    expect(a2[0].locator).toBe('Chương I, Điều 2');
    expect(a2[0].heading).toBe('Điều 2. Chức năng, nhiệm vụ của Viện kiểm sát nhân dân');
    expect(a2[0].number).toBe('63/2014/QH13');
    expect(a2[0].type).toBe('Luật');
    // Chapter headings travel with the first article of the chapter.
    expect(chunks.find((c) => c.article === '1')!.text).toMatch(/^Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1\. /u);
    const first = chunks[0];
    expect(first.locator).toBe(PREAMBLE_LOCATOR);
    expect(first.text).toContain('Luật số: 63/2014/QH13');
  });

  it('gives stable ids across runs and new ids when the text changes', async () => {
    const abs = path.join(laws, 'luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt');
    const a = (await chunksOf(abs)).chunks;
    const b = (await chunksOf(abs)).chunks;
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    const d = await loadFile(abs);
    const meta = detectMetadata(d.text, {}, 'x.txt');
    const changed = chunkDocument(d.text.replace('Điều 5. ', 'Điều 5. Sửa '), meta);
    const same = chunkDocument(d.text, meta);
    const diff = changed.filter((c, i) => c.id !== same[i].id);
    expect(diff.map((c) => c.article)).toEqual(['5']);
  });
});

describe('chunkDocument on BLTTHS 2015', () => {
  it('keeps 510 articles and splits long ones at khoản with "Điều N, khoản K" locators', async () => {
    const { text, chunks } = await chunksOf(path.join(laws, 'bo-luat-to-tung-hinh-su-2015.txt'));
    expectSound(text, chunks, 1500);
    expectTokenBoundaries(text, chunks);
    expect(new Set(chunks.filter((c) => c.article).map((c) => c.article)).size).toBe(510);
    const split = chunks.filter((c) => /Điều \d+, khoản \d+/u.test(c.locator ?? ''));
    expect(split.length).toBeGreaterThan(50);
    // Each piece of a split article keeps that article's heading; the first piece opens with it.
    const byArticle = new Map<string, Chunk[]>();
    for (const c of split) byArticle.set(c.article!, [...(byArticle.get(c.article!) ?? []), c]);
    for (const [num, pieces] of byArticle) {
      for (const c of pieces) expect(c.heading).toMatch(new RegExp(`^Điều ${num}(\\.|$)`, 'u'));
      const first = chunks.find((c) => c.article === num)!;
      expect(first.text).toMatch(new RegExp(`(^|\\n)Điều ${num}\\.`, 'u'));
    }
    const a4 = chunks.filter((c) => c.article === '4');
    expect(a4.length).toBeGreaterThan(1);
    expect(a4.map((c) => c.locator)).toContain('Chương I, Điều 4, khoản 2');
  });

  it('honours a smaller maxChars without breaking sentences, numbers or dates', async () => {
    const { text, chunks } = await chunksOf(path.join(laws, 'bo-luat-to-tung-hinh-su-2015.txt'), 500);
    expectSound(text, chunks, 500);
    expectTokenBoundaries(text, chunks);
    for (const c of chunks) expect(c.text).not.toMatch(/(ngày \d{1,2}|tháng \d{1,2})$/u);
  });
});

describe('chunkDocument on the Markdown decree 224/2026', () => {
  it('recognises "## Chương" / "### Điều" headings', async () => {
    const { text, chunks } = await chunksOf(path.join(laws, 'nghi-dinh-224-2026-nd-cp-thi-hanh-luat-chuyen-doi-so.md'));
    expectSound(text, chunks, 1500);
    expectTokenBoundaries(text, chunks);
    expect(new Set(chunks.filter((c) => c.article).map((c) => c.article)).size).toBe(92);
    const a4 = chunks.find((c) => c.article === '4')!;
    expect(a4.locator).toMatch(/^Chương II, Điều 4/u);
    expect(a4.heading).toBe('Điều 4. Quy định chung về Chiến lược, Chương trình, Kế hoạch chuyển đổi số');
    expect(chunks[0].locator).toBe(PREAMBLE_LOCATOR);
    expect(chunks[0].text).toContain('Số: 224/2026/NĐ-CP');
  });

  it('accepts the bold Markdown variant "**Điều 5.** Tên"', () => {
    const md = ['**Chương I**', '', '**Điều 1.** Phạm vi', 'Nội dung một.', '', '**Điều 2.** Đối tượng', 'Nội dung hai.'].join('\n');
    const meta: DocMeta = { docId: 'a.md', source: 'a.md', title: 'A', type: 'Khác' };
    const chunks = chunkDocument(md, meta);
    expect(chunks.map((c) => [c.locator, c.heading])).toEqual([
      ['Chương I, Điều 1', 'Điều 1. Phạm vi'],
      ['Chương I, Điều 2', 'Điều 2. Đối tượng'],
    ]);
  });
  it('numbers articles again from "Điều 1" only after the numbering got past it', () => {
    const meta: DocMeta = { docId: 'a.md', source: 'a.md', title: 'A', type: 'Khác' };
    // A decree, then the regulation it issues, each numbered from Điều 1.
    const decree = ['Điều 1. Ban hành Quy chế', 'Ban hành kèm theo.', 'Điều 2. Hiệu lực', 'Từ ngày ký.', 'QUY CHẾ', 'Điều 1. Phạm vi', 'Quy chế này quy định.', 'Điều 2. Đối tượng', 'Cán bộ.'];
    expect(chunkDocument(decree.join('\n'), meta).map((c) => c.locator)).toEqual(['Điều 1', 'Điều 2', 'Điều 1', 'Điều 2']);
    // Forms that each open with "Điều 1." are not articles: their sections stay free text.
    const forms = ['**Phụ lục I**', '## I. QUY ĐỊNH CHUNG', 'Khổ giấy A4.', '## II. MẪU', 'Mẫu 1.1 - Quyết định', '### Điều 1. ....', 'Mẫu 1.2 - Quyết định', '### Điều 1. ....'];
    const located = chunkDocument(forms.join('\n'), meta, { maxChars: 200 });
    expect(located.every((c) => c.article === undefined)).toBe(true);
    expect(located.find((c) => c.text.includes('Khổ giấy'))?.locator).toBe('Phụ lục I, I. QUY ĐỊNH CHUNG');
  });
});

describe('chunkDocument on free text', () => {
  it('packs a news seed by paragraphs with sentence overlap', async () => {
    const abs = path.join(shared, 'seeds', '002_a32c4e3493e127a5.txt');
    const { text, chunks } = await chunksOf(abs, 800);
    expectSound(text, chunks, 800);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.article === undefined)).toBe(true);
    // Overlap: some chunk starts with the last sentence of the previous one.
    const overlapping = chunks.slice(1).filter((c, i) => {
      const prevLast = chunks[i].text.split(/(?<=[.!?])\s+/u).pop()!;
      return c.text.startsWith(prevLast) && prevLast.length > 10;
    });
    expect(overlapping.length).toBeGreaterThan(0);
    expect(chunks.find((c) => c.text.includes('221/KH-VKSTC'))).toBeDefined();
  });

  it('locates chunks by the nearest Markdown heading and keeps table rows together', async () => {
    const abs = path.join(laws, 'nghi-dinh-30-2020-nd-cp-phu-luc.md');
    const { chunks } = await chunksOf(abs);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(1500);
    expect(chunks.every((c) => c.locator)).toBe(true);
    // Its forms open with "Điều 1.": they must not turn the appendices into one article.
    expect(chunks.filter((c) => c.article !== undefined || /^(Phần|Chương)/u.test(c.locator!))).toEqual([]);
    expect(chunks.find((c) => c.text.includes('Times New Roman, bộ mã ký tự Unicode'))?.locator).toBe('Phụ lục I, Phần I, I. QUY ĐỊNH CHUNG');
    // A title written over two all-capital lines is one heading.
    expect(chunks.some((c) => c.locator === 'Phụ lục I, THỂ THỨC, KỸ THUẬT TRÌNH BÀY VĂN BẢN HÀNH CHÍNH VÀ BẢN SAO VĂN BẢN')).toBe(true);
    // A form's blank laid out as a heading ("#### ........ 1 ........") names nothing: no chunk is located by it.
    expect(chunks.filter((c) => c.locator!.split(', ').some((part) => !/\p{L}{2}/u.test(part))).map((c) => c.locator)).toEqual([]);
    const source = readFileSync(abs, 'utf8');
    const rows = new Set(source.split('\n').filter((l) => l.trim().startsWith('|')).map(squash));
    const tableChunks = chunks.filter((c) => c.text.includes('\n|') || c.text.startsWith('|'));
    expect(tableChunks.length).toBeGreaterThan(0);
    for (const c of tableChunks) {
      // Every table line in a chunk is a whole row of the source, unless that row alone exceeds the limit.
      for (const l of c.text.split('\n').filter((x) => x.trim().startsWith('|'))) {
        const whole = rows.has(squash(l)) || [...rows].some((r) => r.length > 1500 && r.includes(squash(l)));
        expect(whole, l).toBe(true);
      }
    }
  });
});
