import { describe, expect, it } from 'vitest';
import { decideAbstention, termMatch } from '../../core/answer/abstain.js';
import { contentTerms, indexTerms } from '../../core/answer/terms.js';
import { rank, seedPlan2024, seedSocTrang, toCao, vksnd } from './fixtures.js';

const kb = [...toCao(), ...vksnd(), ...seedPlan2024(), ...seedSocTrang()];
const decide = (q: string) => decideAbstention(q, rank(q, kb));

describe('decideAbstention', () => {
  it.each([
    'Thời tiết Sóc Trăng hôm nay?',
    'Học phí đại học năm nay là bao nhiêu?',
    'Kết quả trận bóng đá Việt Nam gặp Thái Lan tối qua?',
    'Cách nấu phở bò ngon?',
    'Giá cổ phiếu VNM hôm nay bao nhiêu?',
    'Mức phạt khi vượt đèn đỏ là bao nhiêu?',
    'hoc phi dai hoc la bao nhieu',
  ])('abstains on an off-topic question: %s', (q) => {
    expect(decide(q).abstain).toBe(true);
  });

  it.each([
    'Thời hạn giải quyết tố cáo là bao lâu?',
    'Người tố cáo có những quyền gì?',
    'Viện kiểm sát nhân dân cấp tỉnh có những đơn vị nào?',
    'Kế hoạch chuyển đổi số năm 2024 có bao nhiêu mục tiêu cụ thể?',
    'VKSND Sóc Trăng đã làm gì để chuyển đổi số?',
    'nguoi to cao co nhung quyen gi',
    'Kế hoạch 221 về chuyển đổi số ban hành ngày nào?',
  ])('answers an in-scope question: %s', (q) => {
    expect(decide(q)).toMatchObject({ abstain: false });
  });

  it('abstains when the question names a document number the hits do not carry', () => {
    const d = decide('Nghị định 100/2019/NĐ-CP quy định thời hạn giải quyết tố cáo thế nào?');
    expect(d).toMatchObject({ abstain: true, reason: 'unknown-document' });
    expect(d.unknownDocuments).toEqual(['100/2019/NĐ-CP']);
  });

  it('abstains on low retriever coverage, and the threshold is an option', () => {
    const hits = rank('Thời hạn giải quyết tố cáo?', kb).map((h) => ({ ...h, coverage: 0.2 }));
    expect(decideAbstention('Thời hạn giải quyết tố cáo?', hits)).toMatchObject({ abstain: true, reason: 'low-coverage' });
    expect(decideAbstention('Thời hạn giải quyết tố cáo?', hits, { minCoverage: 0.1 }).abstain).toBe(false);
  });

  it('matches two-syllable words, not stray syllables ("thời tiết" is not "thời hạn ... chi tiết")', () => {
    const terms = contentTerms('thời tiết');
    expect(termMatch(terms, indexTerms('Thời hạn giải quyết; Chính phủ quy định chi tiết Điều này.'))).toBe(0);
    expect(termMatch(terms, indexTerms('Dự báo thời tiết ngày mai.'))).toBe(1);
  });
});
