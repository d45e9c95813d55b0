import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../core/types.js';
import { loadFile } from '../../ingest/loaders/index.js';
import { detectMetadata } from '../../ingest/metadata.js';
import { screenDocument } from '../../ingest/screen.js';
import { laws, shared } from './helpers.js';

const meta = (extra: Partial<DocMeta> = {}): DocMeta => ({ docId: 'x.txt', source: 'x.txt', title: 'X', type: 'Khác', ...extra });

const body = [
  'Điều 1. Phạm vi điều chỉnh',
  'Quy chế này quy định về công tác bảo vệ bí mật nhà nước tại đơn vị.',
  'Điều 2. Đối tượng áp dụng',
  'Quy chế này áp dụng đối với công chức, viên chức của đơn vị.',
];

function doc(header: string[], footer: string[] = []): string {
  return [...header, ...body, ...footer].join('\n');
}

describe('screenDocument: stamped documents are quarantined', () => {
  const header = ['VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO', 'Số: 12/QC-VKSTC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
  const cases: Array<[string, string[], string[], string]> = [
    ['plain stamp', [...header, 'MẬT'], [], 'MẬT'],
    ['lower case', ['mật', ...header], [], 'MẬT'],
    ['spaced letters', [...header, 'T Ố I  M Ậ T'], [], 'TỐI MẬT'],
    ['no diacritics', [...header, 'TOI MAT'], [], 'TỐI MẬT'],
    ['dotted', [...header, 'T.U.Y.Ệ.T M.Ậ.T'], [], 'TUYỆT MẬT'],
    ['bracketed', [...header, '[ TUYỆT MẬT ]'], [], 'TUYỆT MẬT'],
    ['asterisks', [...header, '***MẬT***'], [], 'MẬT'],
    ['box drawing', [...header, '┌──────┐', '│ MẬT  │', '└──────┘'], [], 'MẬT'],
    ['markdown bold', [...header, '**TỐI MẬT**'], [], 'TỐI MẬT'],
    ['beside the issuer column', ['VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO        TỐI MẬT', ...header.slice(1)], [], 'TỐI MẬT'],
    ['with urgency', [...header, 'KHẨN, MẬT'], [], 'MẬT'],
    ['độ mật line', [...header, 'Độ mật: Tối mật'], [], 'ĐỘ MẬT'],
    ['stamp at the end', header, ['Nơi nhận:', '- Lưu: VT.', 'TUYỆT MẬT'], 'TUYỆT MẬT'],
  ];
  for (const [name, head, foot, marking] of cases) {
    it(name, () => {
      const r = screenDocument(doc(head, foot), meta());
      expect(r.classified).toBe(true);
      expect(r.marking).toBe(marking);
      expect(r.line).toBeGreaterThan(0);
    });
  }

  it('points at the line that carries the marking', () => {
    const text = doc([...header, 'MẬT']);
    const r = screenDocument(text, meta());
    expect(text.split('\n')[r.line! - 1]).toBe('MẬT');
  });

  it('quarantines on declared classification', () => {
    expect(screenDocument(doc(header), meta({ classification: 'Mật' }))).toEqual({ classified: true, marking: 'METADATA' });
  });
});

describe('screenDocument: public texts about secrets are not quarantined', () => {
  it('passes body sentences that mention the classification levels', () => {
    const text = [
      'QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC',
      'Điều 1. Phân loại',
      'Tài liệu có nội dung thuộc độ Tuyệt mật phải được lưu giữ tại nơi an toàn.',
      'Độ mật của bí mật nhà nước gồm Tuyệt mật, Tối mật và Mật.',
      'BÍ MẬT NHÀ NƯỚC ĐỘ TỐI MẬT',
      'Mẫu dấu "MẬT" do Bộ Công an quy định.',
    ].join('\n');
    expect(screenDocument(text, meta()).classified).toBe(false);
  });

  it('passes a stamp-like word outside the header and tail zones', () => {
    const lines = [...Array(100)].map((_, i) => `Dòng nội dung số ${i + 1}.`);
    lines[60] = 'MẬT';
    expect(screenDocument(lines.join('\n'), meta()).classified).toBe(false);
  });

  it.each(['luat-bao-ve-bi-mat-nha-nuoc-2018.txt', 'nghi-dinh-26-2020-nd-cp-bao-ve-bi-mat-nha-nuoc.txt'])(
    '%s is public',
    async (f) => {
      const d = await loadFile(path.join(laws, f));
      expect(d.text).toMatch(/Tuyệt mật/u); // it does talk about the levels
      expect(screenDocument(d.text, detectMetadata(d.text, d.declared, f)).classified).toBe(false);
    },
  );

  it('no file of the shared corpus laws, Pháp điển pages or seeds is flagged', async () => {
    const dirs = ['corpus/laws', 'corpus/phapdien', 'seeds'].map((d) => path.join(shared, d));
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => /\.(txt|md)$/.test(x))) {
        const d = await loadFile(path.join(dir, f));
        expect(screenDocument(d.text, detectMetadata(d.text, d.declared, f)), f).toEqual({ classified: false });
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
  });
});
