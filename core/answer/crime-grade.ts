/**
 * The four grades of crime the procedure code sets its time limits by (Bộ luật Hình sự, Điều 9):
 * "ít nghiêm trọng", "nghiêm trọng", "rất nghiêm trọng", "đặc biệt nghiêm trọng". Every grade
 * holds the words "nghiêm trọng", so a question on "tội phạm nghiêm trọng" shares all its words
 * with the điểm on "tội phạm đặc biệt nghiêm trọng" beside the one that answers it: the grade
 * written, not the words shared, tells the two apart.
 */

export type CrimeGrade = 'it' | 'nghiem-trong' | 'rat' | 'dac-biet';

/** A grade as written (folded, spaced), with what comes before it. */
const GRADE = / (it |rat |dac biet )?nghiem trong(?= )/g;

/**
 * Words that make "nghiêm trọng" a grade: "tội (phạm) …", "loại …", "vụ (án) …", or a list of
 * grades running on from one ("tội phạm nghiêm trọng, rất nghiêm trọng"). "Vi phạm nghiêm trọng",
 * "hậu quả nghiêm trọng" grade nothing.
 */
const ANCHOR = /(?:^| )(?:toi|toi pham|loai|vu|vu an|an|khung)$/;
/** Between two grades of one list: ", ", "và", "hoặc", "hay", optionally with "tội (phạm)" again. */
const LIST_GLUE = /^(?: va| hoac| hay)?(?: toi(?: pham)?)?$/;
/** The grades from the lowest up. */
const ORDER: readonly CrimeGrade[] = ['it', 'nghiem-trong', 'rat', 'dac-biet'];

function gradeOf(qualifier: string | undefined): CrimeGrade {
  if (qualifier === 'it ') return 'it';
  if (qualifier === 'rat ') return 'rat';
  if (qualifier === 'dac biet ') return 'dac-biet';
  return 'nghiem-trong';
}

/**
 * The grades a folded, spaced text (" a b c ": words between single spaces, as compose's spacedOf
 * writes it) names as grades of crime. Empty when it names none, which is most texts.
 */
export function crimeGrades(spaced: string): Set<CrimeGrade> {
  const out = new Set<CrimeGrade>();
  if (!spaced.includes(' nghiem trong')) return out;
  let lastEnd = -1;
  for (const m of spaced.matchAll(GRADE)) {
    const before = spaced.slice(Math.max(0, m.index! - 12), m.index!);
    const glue = lastEnd >= 0 ? spaced.slice(lastEnd, m.index!) : undefined;
    if (ANCHOR.test(before) || (glue !== undefined && LIST_GLUE.test(glue))) {
      const grade = gradeOf(m[1]);
      lastEnd = m.index! + m[0].length;
      // "tội phạm nghiêm trọng trở lên": that grade and every graver one.
      const up = spaced.startsWith(' tro len', lastEnd);
      for (const g of up ? ORDER.slice(ORDER.indexOf(grade)) : [grade]) out.add(g);
    }
  }
  return out;
}

/** Does a piece naming grades name none the question asks about? (Neither naming one: no.) */
export function otherGradeOnly(asked: ReadonlySet<CrimeGrade>, named: ReadonlySet<CrimeGrade>): boolean {
  if (!asked.size || !named.size) return false;
  for (const g of asked) if (named.has(g)) return false;
  return true;
}
