import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text.js';
import { INGEST_ERROR_REASONS } from '../../prompts/ingest.js';
import { IngestFileError } from '../../ingest/errors.js';
import { loadFile, SUPPORTED_EXTENSIONS } from '../../ingest/loaders/index.js';
import { fixtures, pdfs } from './helpers.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'vks-ingest-'));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'loaded';
  } catch (e) {
    expect(e).toBeInstanceOf(IngestFileError);
    const err = e as IngestFileError;
    // The operator sees the Vietnamese reason from prompts/, never a stack trace.
    expect(err.reason).toBe(INGEST_ERROR_REASONS[err.code]);
    expect(err.message).toContain(err.reason);
    return err.code;
  }
}

describe('SUPPORTED_EXTENSIONS', () => {
  it('lists every format the loaders handle', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.md', '.pdf', '.txt']);
  });
});

describe('PDF loader (real text-layer PDF)', () => {
  it('recovers the reference text without page furniture', async () => {
    const doc = await loadFile(path.join(pdfs, '49-2026-nd-cp.pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(29);
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.text).toContain('49/2026/NĐ-CP');
    expect(doc.text).toContain('254/2025/QH15');

    // Most reference lines' words are present, in order within the line.
    const words = new Set(fold(doc.text).match(/[\p{L}\p{N}]+/gu));
    const refLines = readFileSync(path.join(pdfs, '49-2026-nd-cp.reference.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 20);
    const covered = refLines.filter((l) => {
      const w = fold(l).match(/[\p{L}\p{N}]+/gu) ?? [];
      return w.filter((x) => words.has(x)).length / w.length >= 0.9;
    });
    expect(covered.length / refLines.length).toBeGreaterThan(0.95);

    // No page numbers or "Trang x" lines left, and no page-break markers.
    const lines = doc.text.split('\n');
    expect(lines.filter((l) => /^\s*(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d+)?\s*$/iu.test(l))).toEqual([]);
    expect(doc.text).not.toMatch(/-- \d+ of \d+ --/);
  });

  it('re-joins wrapped lines and keeps the legal structure one unit per line', async () => {
    const doc = await loadFile(path.join(pdfs, '49-2026-nd-cp.pdf'));
    const lines = doc.text.split('\n');
    // A heading wrapped over three visual lines comes back as one line.
    expect(lines).toContain(
      'Điều 7. Nội dung bảng giá đất, xây dựng bảng giá đất quy định tại Điều 7 của Nghị quyết số 254/2025/QH15',
    );
    // Article headings stay on their own line, body starts on the next one.
    expect(lines).toContain('Điều 2. Đối tượng áp dụng');
    expect(lines.filter((l) => /^Điều \d+\. /u.test(l)).length).toBe(22);
    // A sentence that crossed a page break (page 1 → 2 in the PDF) is whole again.
    expect(doc.text).toMatch(/vướng mắc trong tổ chức thi hành Luật Đất đai về tiền sử dụng đất, tiền thuê đất\./u);
    expect(lines).toContain('Chương I');
    expect(lines).toContain('QUY ĐỊNH CHUNG');
  });

  it('reports an image-only scan as having no text layer', async () => {
    expect(await codeOf(loadFile(path.join(pdfs, '199-2026-nd-cp-scanned.pdf')))).toBe('no-text-layer');
  });

  it('reports a truncated PDF as corrupt', async () => {
    const dir = tmp();
    const p = path.join(dir, 'cut.pdf');
    writeFileSync(p, readFileSync(path.join(pdfs, '49-2026-nd-cp.pdf')).subarray(0, 2048));
    expect(await codeOf(loadFile(p))).toBe('corrupt');
  });
});

describe('DOCX loader (real Word file)', () => {
  it('extracts paragraphs, clauses, points and table cells', async () => {
    const doc = await loadFile(path.join(fixtures, 'luat-vksnd-trich.docx'));
    expect(doc.format).toBe('docx');
    const lines = doc.text.split('\n').filter((l) => l.trim());
    expect(lines[0]).toBe('QUỐC HỘI');
    expect(lines).toContain('Điều 2. Chức năng, nhiệm vụ của Viện kiểm sát nhân dân');
    expect(lines.some((l) => l.startsWith('2. Viện kiểm sát nhân dân có nhiệm vụ bảo vệ Hiến pháp'))).toBe(true);
    expect(lines.some((l) => l.startsWith('b) Bảo đảm không để người nào bị khởi tố'))).toBe(true);
    expect(doc.text).toContain('Viện kiểm sát nhân dân tối cao');
  });

  it('rejects a non-ZIP file named .docx as corrupt', async () => {
    const p = path.join(tmp(), 'old.docx');
    writeFileSync(p, 'this is not a zip archive at all, just text');
    expect(await codeOf(loadFile(p))).toBe('corrupt');
  });
});

describe('HTML loader', () => {
  it('keeps the article body and drops scripts, styles and navigation', async () => {
    const p = path.join(tmp(), 'tin.html');
    writeFileSync(
      p,
      `<!doctype html><html><head><meta charset="utf-8"><title>VKSND</title><style>.x{color:red}</style>
       <script>var tracking = "xyz";</script></head><body>
       <nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav>
       <article><h1>Hội nghị triển khai công tác kiểm sát năm 2024</h1>
       <p>Ngày 15/12/2023, Viện kiểm sát nhân dân tối cao ban hành <a href="/kh">Kế hoạch số 221/KH-VKSTC</a>.</p>
       <p>Kế hoạch đề ra 22 mục tiêu cụ thể.</p></article>
       <footer>Bản quyền thuộc VKSND</footer></body></html>`,
    );
    const doc = await loadFile(p);
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('Hội nghị triển khai công tác kiểm sát năm 2024');
    expect(doc.text).toContain('Kế hoạch số 221/KH-VKSTC');
    expect(doc.text).not.toMatch(/tracking|color:red|Trang chủ|Bản quyền|\/kh/u);
  });
});

describe('TXT / MD loaders and declared metadata', () => {
  it('parses YAML front matter into declared metadata and strips it from the text', async () => {
    const p = path.join(tmp(), 'kh.md');
    writeFileSync(
      p,
      '---\ntitle: Kế hoạch chuyển đổi số năm 2024\nloai_van_ban: ke hoach\nso_hieu: 221/KH-VKSTC\nngay_ban_hanh: 15/12/2023\n---\n# Kế hoạch\n\nNội dung kế hoạch.\n',
    );
    const doc = await loadFile(p);
    expect(doc.format).toBe('md');
    expect(doc.text.startsWith('# Kế hoạch')).toBe(true);
    expect(doc.declared).toEqual({
      title: 'Kế hoạch chuyển đổi số năm 2024',
      type: 'Kế hoạch',
      number: '221/KH-VKSTC',
      date: '2023-12-15',
    });
  });

  it('reads a sidecar <file>.meta.yaml and <name>.meta.yaml, full name winning, over front matter', async () => {
    const dir = tmp();
    const p = path.join(dir, 'luat-x.txt');
    writeFileSync(p, '---\ntitle: Tiêu đề trong front matter\nissuer: Quốc hội\n---\nNội dung văn bản.\n');
    writeFileSync(path.join(dir, 'luat-x.meta.yaml'), 'title: Tiêu đề từ sidecar ngắn\nnumber: 1/2020/QH14\n');
    writeFileSync(path.join(dir, 'luat-x.txt.meta.yaml'), 'title: Tiêu đề từ sidecar đầy đủ\ndo_mat: Mật\n');
    const doc = await loadFile(p);
    expect(doc.declared.title).toBe('Tiêu đề từ sidecar đầy đủ');
    expect(doc.declared.number).toBe('1/2020/QH14');
    expect(doc.declared.issuer).toBe('Quốc hội');
    expect(doc.declared.classification).toBe('Mật');
  });

  it('drops the italics asterisks a plain text kept from a web page, even inside a word, and nothing else', async () => {
    const dir = tmp();
    const file = path.join(dir, 'luat.txt');
    const text = [
      '1. *Khiếu nạ*i là việc công dân đề nghị xem xét lại.',
      '8. *Tấn công mạng *là hành vi phá hoại.',
      '5*. Cơ sở hạ tầng không gian mạng quốc gia* là hệ thống.',
      '* mục gạch đầu dòng (*) và **chữ đậm**',
    ].join('\n');
    writeFileSync(file, text);
    expect((await loadFile(file)).text.split('\n')).toEqual([
      '1. Khiếu nại là việc công dân đề nghị xem xét lại.',
      '8. Tấn công mạng là hành vi phá hoại.',
      '5. Cơ sở hạ tầng không gian mạng quốc gia là hệ thống.',
      '* mục gạch đầu dòng (*) và **chữ đậm**',
    ]);
    // Markdown keeps its emphasis: there it is markup, not a leftover.
    writeFileSync(path.join(dir, 'huong-dan.md'), '*Lưu ý:* ký trước khi gửi.');
    expect((await loadFile(path.join(dir, 'huong-dan.md'))).text).toBe('*Lưu ý:* ký trước khi gửi.');
  });

  it('NFC-normalises decomposed input', async () => {
    const p = path.join(tmp(), 'nfd.txt');
    writeFileSync(p, 'Viện kiểm sát nhân dân tối cao'.normalize('NFD'));
    const doc = await loadFile(p);
    expect(doc.text).toBe('Viện kiểm sát nhân dân tối cao');
  });
});

describe('bad and unusual encodings', () => {
  const sample = readFileSync(path.join(fixtures, 'utf16le-bom.txt')).subarray(2);

  it('decodes UTF-16 LE with BOM', async () => {
    const doc = await loadFile(path.join(fixtures, 'utf16le-bom.txt'));
    expect(doc.text).toContain('Viện kiểm sát nhân dân là cơ quan thực hành quyền công tố');
    expect(sample.length).toBeGreaterThan(0);
  });

  it('decodes Windows-1258 (combining tone bytes) into NFC Vietnamese', async () => {
    const doc = await loadFile(path.join(fixtures, 'cp1258.txt'));
    expect(doc.text).toContain('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
  });

  it.each(['legacy-tcvn3.txt', 'legacy-vni.txt'])('rejects the legacy font encoding of %s', async (name) => {
    expect(await codeOf(loadFile(path.join(fixtures, name)))).toBe('legacy-encoding');
  });

  it('rejects legacy text that was re-saved as UTF-8 mojibake', async () => {
    const p = path.join(tmp(), 'mojibake.txt');
    const bytes = readFileSync(path.join(fixtures, 'legacy-vni.txt'));
    writeFileSync(p, new TextDecoder('windows-1252').decode(bytes), 'utf8');
    expect(await codeOf(loadFile(p))).toBe('legacy-encoding');
  });

  it('rejects random bytes named .txt as binary', async () => {
    expect(await codeOf(loadFile(path.join(fixtures, 'random-bytes.txt')))).toBe('binary');
  });

  it.each(['empty.txt', 'blank.txt'])('rejects %s as empty', async (name) => {
    expect(await codeOf(loadFile(path.join(fixtures, name)))).toBe('empty');
  });

  it('rejects unsupported extensions and files over the size limit', async () => {
    const dir = tmp();
    const xls = path.join(dir, 'bang.xls');
    writeFileSync(xls, 'x');
    expect(await codeOf(loadFile(xls))).toBe('unsupported');
    const big = path.join(dir, 'big.txt');
    copyFileSync(path.join(fixtures, 'utf16le-bom.txt'), big);
    expect(await codeOf(loadFile(big, { maxBytes: 100 }))).toBe('too-large');
  });
});

describe('letters that only look Vietnamese', () => {
  it('loads "Ðiều" (Icelandic eth) as "Điều", so the chunker sees the article', async () => {
    const dir = tmp();
    const p = path.join(dir, 'luat-x.txt');
    writeFileSync(p, 'LUẬT X\n\n\u00d0iều 1. Phạm vi\nLuật này quy định \u00f0iều kiện.\n');
    const doc = await loadFile(p);
    expect(doc.text).toContain('Điều 1. Phạm vi');
    expect(doc.text).toContain('điều kiện');
    expect(doc.text).not.toMatch(/[\u00d0\u00f0]/);
  });
});
