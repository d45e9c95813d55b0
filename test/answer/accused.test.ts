import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { articleHit } from './fixtures.js';

const LAW = { docId: 'luat/luat-to-cao-2018.txt', title: 'Luật Tố cáo' };
// Điều 15 of the Luật Tố cáo: each khoản opens with the office that resolves, and a điểm names the
// offices whose conduct it resolves. Khoản 1 shares every word of a question about a denunciation
// against the district head, as its resolver.
const article15 = articleHit(LAW, 'Điều 15. Thẩm quyền giải quyết tố cáo hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ trong Viện kiểm sát nhân dân', [
  '1. Viện trưởng Viện kiểm sát nhân dân cấp huyện có thẩm quyền giải quyết tố cáo hành vi vi phạm pháp luật trong việc thực hiện công vụ của công chức do mình quản lý trực tiếp.',
  '2. Viện trưởng Viện kiểm sát nhân dân cấp tỉnh có thẩm quyền sau đây:',
  'a) Giải quyết tố cáo hành vi vi phạm pháp luật trong việc thực hiện công vụ của Viện trưởng, Phó Viện trưởng Viện kiểm sát nhân dân cấp huyện, công chức khác do mình quản lý trực tiếp;',
  'b) Giải quyết tố cáo hành vi vi phạm pháp luật trong việc thực hiện công vụ của Viện kiểm sát nhân dân cấp huyện.',
]);

const first = (q: string) => composeExtractive(q, [article15], { skipAbstention: true, maxUnits: 1 }).text;

describe('who resolves a denunciation against an office holder', () => {
  it('is not that office holder: the piece naming it as the resolver answers another question', () => {
    expect(first('Muốn tố cáo Viện trưởng VKS cấp huyện thì ai là người có thẩm quyền giải quyết?')).toContain('Viện trưởng Viện kiểm sát nhân dân cấp tỉnh');
    expect(first('Người bị tố cáo chính là Viện trưởng Viện kiểm sát nhân dân cấp huyện thì ai giải quyết?')).toContain('Viện trưởng Viện kiểm sát nhân dân cấp tỉnh');
  });

  it('is still the office holder who resolves, when the question asks what that office resolves', () => {
    expect(first('Viện trưởng Viện kiểm sát nhân dân cấp huyện có thẩm quyền giải quyết tố cáo của ai?')).toContain('1. Viện trưởng Viện kiểm sát nhân dân cấp huyện có thẩm quyền');
    // A denunciation against a civil servant: khoản 1 is the answer, its resolver is no one accused.
    expect(first('Tố cáo công chức của VKS huyện thì ai có thẩm quyền giải quyết?')).toContain('1. Viện trưởng Viện kiểm sát nhân dân cấp huyện có thẩm quyền');
  });
});
