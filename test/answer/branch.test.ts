import { describe, expect, it } from 'vitest';
import { otherBranch } from '../../core/answer/branch.js';
import { composeExtractive } from '../../core/answer/compose.js';
import { articleHit } from './fixtures.js';

const code = { title: 'Bộ luật Tố tụng hình sự', text: '1. Thời hạn kháng cáo đối với bản án sơ thẩm là 15 ngày kể từ ngày tuyên án.' };

describe('otherBranch', () => {
  it('names the branch asked when every piece is from a code of another branch and writes nothing of it', () => {
    expect(otherBranch('Thời hạn kháng cáo bản án dân sự sơ thẩm là bao nhiêu ngày?', [code])).toBe('dan su');
    expect(otherBranch('thoi han khang cao ban an so tham hanh chinh la may ngay', [code])).toBe('hanh chinh');
    // The civil judgment-enforcement office a criminal judgment is sent to is no civil case.
    const sent = { title: code.title, text: 'Hội đồng giám đốc thẩm phải gửi quyết định cho cơ quan thi hành án dân sự có thẩm quyền.' };
    expect(otherBranch('Bản án dân sự có hiệu lực thì bao nhiêu ngày phải thi hành?', [sent])).toBe('dan su');
  });

  it('leaves the question alone when it asks the code\'s own branch, none, or the piece writes the branch asked', () => {
    expect(otherBranch('Thời hạn kháng cáo bản án hình sự sơ thẩm là bao nhiêu ngày?', [code])).toBeUndefined();
    expect(otherBranch('Thời hạn kháng cáo bản án sơ thẩm là bao nhiêu ngày?', [code])).toBeUndefined();
    expect(otherBranch('Vụ án dân sự trong vụ án hình sự giải quyết thế nào?', [{ title: code.title, text: 'Việc giải quyết vấn đề dân sự trong vụ án hình sự được tiến hành cùng với việc giải quyết vụ án hình sự.' }])).toBeUndefined();
    // A law of no branch ("Luật Tổ chức Viện kiểm sát nhân dân") may speak of every one.
    expect(otherBranch('Viện kiểm sát có quyền kháng nghị bản án dân sự không?', [{ title: 'Luật Tổ chức Viện kiểm sát nhân dân', text: 'Kháng nghị bản án, quyết định của Tòa án.' }])).toBeUndefined();
  });
});

describe('composeExtractive on another branch', () => {
  it('abstains rather than answer a civil question from the criminal procedure code', () => {
    const hit = articleHit({ docId: 'luat/blths.txt', title: 'Bộ luật Tố tụng hình sự' }, 'Điều 333. Thời hạn kháng cáo', [code.text]);
    const r = composeExtractive('Thời hạn kháng cáo bản án dân sự sơ thẩm là bao nhiêu ngày?', [hit]);
    expect(r).toMatchObject({ abstained: true, abstainReason: 'other-branch' });
    expect(composeExtractive('Thời hạn kháng cáo bản án sơ thẩm là bao nhiêu ngày?', [hit]).text).toContain('15 ngày');
  });
});

describe('otherBranch and the civil procedure code', () => {
  it('reads labour and business cases as the civil code\'s branch', () => {
    const civil = { title: 'Bộ luật Tố tụng dân sự', text: 'Thời hạn kháng cáo đối với bản án sơ thẩm là 15 ngày.' };
    expect(otherBranch('Thời hạn kháng cáo bản án lao động sơ thẩm là bao lâu?', [civil])).toBeUndefined();
    expect(otherBranch('Thời hạn kháng cáo bản án lao động sơ thẩm là bao lâu?', [code])).toBe('lao dong');
  });
});
