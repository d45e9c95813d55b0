import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docNumberKey } from '../../core/text.js';
import { loadFile } from '../../ingest/loaders/index.js';
import { detectMetadata } from '../../ingest/metadata.js';
import { fixtures, laws, pdfs, shared } from './helpers.js';

interface IndexEntry {
  file: string;
  number: string;
  doc_type: string;
  title: string;
}
const index: IndexEntry[] = JSON.parse(readFileSync(path.join(laws, 'index.json'), 'utf8'));
const DOC_TYPES = ['Hiến pháp', 'Bộ luật', 'Luật', 'Nghị quyết', 'Nghị định', 'Thông tư'];

describe('detectMetadata on the real laws (compared with corpus/laws/index.json)', () => {
  // index.json's doc_type also carries notes ("Nghị định (phụ lục)", "Văn bản hợp nhất"): compare the plain ones.
  for (const e of index) {
    it(`${path.basename(e.file)}`, async () => {
      const abs = path.join(shared, e.file);
      const doc = await loadFile(abs);
      const rel = `laws/${path.basename(e.file)}`;
      const meta = detectMetadata(doc.text, doc.declared, rel);
      expect(meta.docId).toBe(rel);
      if (/\d+\/\S+/.test(e.number) && !e.file.endsWith('phu-luc.md')) {
        expect(meta.number && docNumberKey(meta.number)).toBe(docNumberKey(e.number));
      }
      if (DOC_TYPES.includes(e.doc_type)) expect(meta.type).toBe(e.doc_type);
      expect(meta.title.length).toBeGreaterThan(5);
    });
  }

  it('recovers the titles of laws written in capitals, with Vietnamese capitalisation', async () => {
    const titles: Record<string, string> = {};
    for (const f of ['luat-bao-ve-bi-mat-nha-nuoc-2018.txt', 'luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt', 'bo-luat-to-tung-hinh-su-2015.txt']) {
      const doc = await loadFile(path.join(laws, f));
      titles[f] = detectMetadata(doc.text, {}, f).title;
    }
    expect(titles['luat-bao-ve-bi-mat-nha-nuoc-2018.txt']).toBe('Luật Bảo vệ bí mật nhà nước');
    expect(titles['luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt']).toBe('Luật Tổ chức Viện kiểm sát nhân dân');
    expect(titles['bo-luat-to-tung-hinh-su-2015.txt']).toBe('Bộ luật Tố tụng hình sự');
  });

  it('builds "Nghị định quy định ..." from a type line followed by its subject (Markdown decree)', async () => {
    const f = 'nghi-dinh-224-2026-nd-cp-thi-hanh-luat-chuyen-doi-so.md';
    const doc = await loadFile(path.join(laws, f));
    const meta = detectMetadata(doc.text, {}, f);
    expect(meta.title).toBe('Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Chuyển đổi số');
    expect(meta.issuer).toBe('Chính phủ');
    expect(meta.date).toBe('2026-06-24');
  });
});

describe('detectMetadata on the 49/2026 PDF', () => {
  it('reads number, issuer, date, type and title from the administrative header', async () => {
    const doc = await loadFile(path.join(pdfs, '49-2026-nd-cp.pdf'));
    const meta = detectMetadata(doc.text, doc.declared, 'van-ban\\49-2026-nd-cp.pdf'.replace(/\\/g, path.sep));
    expect(meta).toMatchObject({
      docId: 'van-ban/49-2026-nd-cp.pdf',
      number: '49/2026/NĐ-CP',
      issuer: 'Chính phủ',
      date: '2026-01-31',
      type: 'Nghị định',
    });
    expect(meta.title).toMatch(/^Nghị định quy định chi tiết và hướng dẫn một số điều của Nghị quyết số 254\/2025\/QH15/u);
    // The preamble cites other documents; none of them may become this one's number.
    expect(meta.number).not.toBe('63/2025/QH15');
  });
});

describe('detectMetadata on synthetic headers', () => {
  const plan = [
    'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO',
    'Số: 221/KH-VKSTC',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Hà Nội, ngày 15 tháng 12 năm 2023',
    'KẾ HOẠCH',
    'Chuyển đổi số trong ngành Kiểm sát nhân dân năm 2024',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
  ].join('\n');

  it('reads a VKSND plan', () => {
    const meta = detectMetadata(plan, {}, 'ke-hoach/kh-221.docx');
    expect(meta).toMatchObject({
      type: 'Kế hoạch',
      number: '221/KH-VKSTC',
      issuer: 'Viện kiểm sát nhân dân tối cao',
      date: '2023-12-15',
      title: 'Kế hoạch chuyển đổi số trong ngành Kiểm sát nhân dân năm 2024',
    });
  });

  it('lets declared fields win and ignores an unknown declared type', () => {
    const meta = detectMetadata(plan, { title: 'Tên khai báo', date: '2024-01-02', type: 'Chỉ thị' }, 'kh.txt');
    expect(meta.title).toBe('Tên khai báo');
    expect(meta.date).toBe('2024-01-02');
    expect(meta.type).toBe('Chỉ thị');
    expect(meta.number).toBe('221/KH-VKSTC');
    const bogus = detectMetadata(plan, { type: 'Văn bản lạ' as never }, 'kh.txt');
    expect(bogus.type).toBe('Kế hoạch');
  });

  it('falls back to the first heading, then to the file name', () => {
    expect(detectMetadata('# Hướng dẫn sử dụng phần mềm\n\nNội dung.', {}, 'a/b.md').title).toBe('Hướng dẫn sử dụng phần mềm');
    const long = 'Đây là một câu rất dài mô tả nội dung của văn bản, không phải tiêu đề, kết thúc bằng dấu chấm.';
    expect(detectMetadata(long, {}, 'tai-lieu/bao_cao-tong-hop.txt').title).toBe('bao cao tong hop');
  });

  it('recognises a news article', async () => {
    const seed = path.join(shared, 'seeds', '002_a32c4e3493e127a5.txt');
    const doc = await loadFile(seed);
    const meta = detectMetadata(doc.text, {}, 'tin/bai-002.txt');
    expect(meta.type).toBe('Tin tức');
    expect(meta.title).toBe('Chuyển đổi số tạo sự đột phá trong công tác kiểm sát');
    expect(meta.date).toBe('2024-08-30');
  });

  it('reads the DOCX fixture header', async () => {
    const doc = await loadFile(path.join(fixtures, 'luat-vksnd-trich.docx'));
    const meta = detectMetadata(doc.text, {}, 'luat-vksnd-trich.docx');
    expect(meta).toMatchObject({
      type: 'Luật',
      number: '63/2014/QH13',
      issuer: 'Quốc hội',
      date: '2014-11-24',
      title: 'Luật Tổ chức Viện kiểm sát nhân dân',
    });
  });
});
