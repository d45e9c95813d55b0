/**
 * "Thời hạn kháng cáo bản án dân sự sơ thẩm là bao nhiêu ngày?": the knowledge base holds the
 * criminal procedure code, whose article on appeals ("Thời hạn kháng cáo đối với bản án sơ thẩm là
 * 15 ngày") shares every word but the branch. A piece of a code of another branch, writing nothing
 * of the branch asked, answers another question.
 */
import { foldedSpaced } from '../text.js';

/** The branch a question asks about, after what is judged: "bản án (sơ thẩm) dân sự", "vụ án hành chính". */
const BRANCH_ASKED = / (?:vu an|ban an|vu viec|to tung|an)(?: (?:so tham|phuc tham|giam doc tham|tai tham))? (dan su|hanh chinh|lao dong|kinh doanh thuong mai|hon nhan va gia dinh) /;
/** The branch a document's title names: "Bộ luật Tố tụng hình sự". */
const TITLE_BRANCH = / (?:to tung|hinh su|dan su|hanh chinh) (hinh su|dan su|hanh chinh) | luat (hinh su|dan su) /;
/** Labour, business and family cases are heard under the civil procedure code. */
const CODE_OF: Readonly<Record<string, string>> = { 'lao dong': 'dan su', 'kinh doanh thuong mai': 'dan su', 'hon nhan va gia dinh': 'dan su' };

/**
 * The branch the question asks about when every quoted piece comes from a code of another branch
 * and writes nothing of the one asked; undefined otherwise.
 */
export function otherBranch(question: string, pieces: ReadonlyArray<{ title: string; text: string }>): string | undefined {
  const asked = BRANCH_ASKED.exec(foldedSpaced(question))?.[1];
  if (!asked || !pieces.length) return undefined;
  for (const p of pieces) {
    const title = TITLE_BRANCH.exec(foldedSpaced(p.title));
    const branch = title?.[1] ?? title?.[2];
    if (!branch || branch === (CODE_OF[asked] ?? asked) || writesBranch(foldedSpaced(p.text), asked)) return undefined;
  }
  return asked;
}

/**
 * Does the piece write of a case, judgment or matter of that branch ("vụ án dân sự", "vấn đề dân sự")? Not
 * merely the word: "cơ quan thi hành án dân sự", to which a criminal judgment is sent, is no civil case.
 */
function writesBranch(spaced: string, branch: string): boolean {
  return new RegExp(` (?:vu an|ban an|vu viec|to tung|van de|phan|trach nhiem)(?: (?:so tham|phuc tham|giam doc tham|tai tham))? ${branch} `).test(spaced);
}
