/**
 * Vietnamese text of composed answers: the lead line, the sources block and
 * the honest "not found" message. Kept here so wording changes touch no logic.
 */

/** What the assistant covers, shown when it abstains so the user can rephrase usefully. */
export const COVERAGE_HINT =
  'Tôi có thể trả lời các câu hỏi về văn bản pháp luật, quy chế, kế hoạch và hướng dẫn nghiệp vụ của ngành Kiểm sát nhân dân ' +
  'đã được nạp vào hệ thống (ví dụ: Luật Tổ chức Viện kiểm sát nhân dân, Luật Tố cáo, Bộ luật Tố tụng hình sự, ' +
  'các kế hoạch chuyển đổi số của Ngành). Bạn có thể hỏi lại cụ thể hơn, nêu tên hoặc số hiệu văn bản.';

export const NOT_FOUND =
  'Tôi không tìm thấy thông tin này trong các văn bản hiện có, nên không thể trả lời chính xác câu hỏi của bạn.';

/** The abstention message: honest refusal to guess plus what the assistant does cover. */
export function abstentionText(hint: string = COVERAGE_HINT): string {
  return `${NOT_FOUND}\n${hint}`;
}

/** Abstaining because the question names documents the knowledge base does not hold: say which. */
export function unknownDocumentText(documents: readonly string[], hint: string = COVERAGE_HINT): string {
  const named = documents.map((d) => `«${d}»`).join(', ');
  return `Văn bản ${named} chưa có trong các văn bản đã nạp vào hệ thống, nên tôi không thể trả lời chính xác câu hỏi của bạn.\n${hint}`;
}

/** A locator part naming structure ("Điều 30", "Phụ lục I", "khoản 2"), not a section heading. */
const STRUCTURAL = /^(?:(?:Điều|Chương|Mục|Phần|Phụ lục|khoản)\s+[\dIVXLC]+|điểm\s+[a-zđ])(?![\p{L}])/u;

/** The rest of a list of khoản or điểm ("2 và 4", "3", "b–d"), after its first part. */
const LISTED_MORE = /^(?:\d{1,3}|[a-zđ])(?:\s*(?:–|-|và)\s*(?:\d{1,3}|[a-zđ]))*$/u;

/**
 * Lead line before extracted text from a single source. An article reads as part of the law's
 * name ("Theo Điều 30 Luật Tố cáo:"); a section of a guide or plan does not, so it follows the
 * title in brackets ("Theo Hướng dẫn X (mục “Các bước”):"), and is left out when the title already says it.
 */
export function leadLine(source: { title: string; locator?: string }): string {
  const loc = source.locator?.trim();
  if (!loc) return `Theo ${source.title}:`;
  // Structural parts lead ("Phụ lục I, Phần I"); a heading after them reads as a section.
  const parts = loc.split(', ');
  let n = 0;
  // "khoản 1, 2 và 4": a list of khoản goes on after its first part.
  while (n < parts.length && (STRUCTURAL.test(parts[n]) || (n > 0 && LISTED_MORE.test(parts[n])))) n++;
  if (n === parts.length) return `Theo ${loc} ${source.title}:`;
  if (n > 0) return `Theo ${source.title} (${parts.slice(0, n).join(', ')}, mục “${parts.slice(n).join(', ')}”):`;
  const same = (a: string, b: string) => a.toLocaleLowerCase('vi').includes(b.toLocaleLowerCase('vi'));
  if (same(source.title, loc) || same(loc, source.title)) return `Theo ${source.title}:`;
  return `Theo ${source.title} (mục “${loc}”):`;
}

export const SOURCES_HEADING = 'Nguồn:';

/** Note added to a source line when the document has been replaced. */
export function supersededNote(replacement: string): string {
  return `(đã được thay thế bởi ${replacement})`;
}

/** Marker appended when a single over-long sentence had to be shortened at a clause boundary. */
export const ELLIPSIS = '…';

/**
 * Who issued a document the question names, from the document's own particulars (its
 * header, or the front matter of a summary): "Kế hoạch số 221/KH-VKSTC do Viện kiểm sát nhân dân
 * tối cao ban hành ngày 15/12/2023."
 */
export function issuerText(document: string, issuer: string, date?: string): string {
  return `${document} do ${issuer} ban hành${date ? ` ngày ${date}` : ''}.`;
}

/** Lead line of an answer read from a document's particulars rather than quoted from its text. */
export function particularsLead(title: string): string {
  return `Theo thông tin văn bản của ${title}:`;
}
