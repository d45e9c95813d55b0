/**
 * Questions that ask two things at once: "Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm và nhiệm kỳ mấy
 * năm?", "Giải mật là gì, khi nào bí mật nhà nước được giải mật?". One extractive answer quotes the
 * piece that best matches the whole, which answers one half; each half asked on its own finds its
 * piece, and the second reads as a follow-up of the first ("nhiệm kỳ mấy năm" of the same office).
 */
import { foldedSpaced, nfc } from '../text.js';
import { SOURCES_HEADING } from '../../prompts/answer.js';
import { askedOfSubject, isFollowUp, rewriteFollowUp } from './rewrite.js';
import { HOW_MANY } from './terms.js';
import { uniqueCitations, sourcesBlock } from './format.js';
import type { Citation } from '../types.js';
import { isCut, isQuoted, quotedKey, sameQuoted } from './quoted.js';

/** A question word anywhere in a clause (folded, spaced): it asks something of its own. */
const ASKS = / (?:gi|nao|ai|bao nhieu|bao lau|khi nao|o dau|the nao|ra sao|nhu nao|tai sao|vi sao) /;
/** Or a clause ending as a yes-or-no question does: "… có phải làm văn bản không". */
const YES_NO_END = / (?:khong|chua|ko|k) $/;
/** Where a question may turn to its second half: a comma or semicolon (and a "và" after it), or "và". */
const JOINS = /\s*[,;]\s+(?:(?:và|va)\s+)?|\s+(?:và|va)\s+/giu;
/** A sentence ending inside a half: a story told before the question, not a second question. */
const SENTENCE_END = /[.!?…]\s/u;
/** A half shorter than this many words ("ở đâu?") leans on the other, and is asked with it. */
const MIN_WORDS = 2;
/** The first half asks within its last this many words. */
const FIRST_ASKS_WITHIN = 3;

function asks(clause: string): boolean {
  const f = foldedSpaced(clause);
  return ASKS.test(f) || YES_NO_END.test(f) || HOW_MANY.test(clause);
}

function lastWords(clause: string, n: number): string {
  return clause.replace(/[?!.…]+$/u, '').split(/\s+/).filter(Boolean).slice(-n).join(' ');
}

function words(clause: string): number {
  return clause.split(/\s+/).filter(Boolean).length;
}

/**
 * "Cơ quan nào, người nào có thẩm quyền …?": the second half opens with a noun and the first half's
 * question word, offering another candidate for one question, not asking a second.
 */
function offersAlternative(first: string, second: string): boolean {
  const asked = foldedSpaced(first).trim().split(' ').pop();
  const [, word] = foldedSpaced(second).trim().split(' ');
  return !!asked && asked === word;
}

/**
 * The two halves of a question asking two things, or undefined. Split at the first comma,
 * semicolon or "và" with a question on each side: "phông chữ và cỡ chữ … là bao nhiêu?" asks one
 * thing of two (no question before "và"), and a story before the question asks nothing.
 */
export function questionParts(question: string): [string, string] | undefined {
  const q = nfc(question).trim();
  for (const m of q.matchAll(JOINS)) {
    const first = q.slice(0, m.index).trim();
    const second = q.slice(m.index + m[0].length).trim();
    if (words(first) < MIN_WORDS || words(second) < MIN_WORDS || SENTENCE_END.test(first) || SENTENCE_END.test(second)) continue;
    if (offersAlternative(first, second)) continue;
    // The first half's question stands at its end ("… do ai bổ nhiệm"); one further back governs
    // what follows the comma ("có bao nhiêu ngày để kiểm tra, xác minh … hay không").
    if (asks(lastWords(first, FIRST_ASKS_WITHIN)) && asks(second)) return [`${first.replace(/[?.!]+$/u, '')}?`, second.replace(/^\p{Ll}/u, (c) => c.toUpperCase())];
  }
  return undefined;
}

export interface PartAnswer {
  text: string;
  abstained: boolean;
  citations: Citation[];
}

/**
 * The second half as a question of its own: a follow-up of the first ("nhiệm kỳ mấy năm" of the
 * office the first names), or, when the follow-up rewrite gives nothing new, asked of the first
 * half's subject ("Về Hình ảnh chữ ký số của lãnh đạo: định dạng file gì?").
 */
export function secondPartQuestion(parts: readonly [string, string], firstAnswer: string): string {
  const [first, second] = parts;
  const history = [{ question: first, standalone: first, answer: firstAnswer }];
  if (isFollowUp(second, history)) {
    const rewritten = rewriteFollowUp(second, history);
    if (rewritten !== first && rewritten !== nfc(second).trim()) return rewritten;
  }
  return askedOfSubject(first, second);
}

/** The answer's text before its sources block. */
function bodyOf(text: string): string {
  const at = text.lastIndexOf(`\n\n${SOURCES_HEADING}`);
  return at >= 0 ? text.slice(0, at) : text;
}

/** A lead line ("Theo Điều 30 Luật Tố cáo:"), which opens each source's quote. */
const LEAD = /^Theo .*:$/u;

/** The lines an answer quotes: its body without the lead lines. */
function quotedLines(body: string): string[] {
  return body.split('\n').map((l) => l.trim()).filter((l) => l && !LEAD.test(l));
}

/**
 * A half's quote after the others, source by source: under the same lead line as one of them
 * ("Theo Điều 173, khoản 1–2 …:"), its new lines join that quote rather than repeat the lead and
 * the lead-in, and a line that quote had to cut is replaced by the whole line.
 */
function addSections(sections: string[], body: string): void {
  for (const section of body.split('\n\n')) {
    const [lead, ...lines] = section.split('\n');
    const at = sections.findIndex((s) => s.split('\n')[0] === lead);
    if (at < 0) {
      sections.push(section);
      continue;
    }
    const have = sections[at].split('\n');
    for (const l of lines) {
      const k = have.findIndex((h) => sameQuoted(h, l));
      if (k < 0) have.push(l);
      // A line the answer so far had to cut, now quoted whole.
      else if (isCut(have[k]) && !isCut(l)) have[k] = l;
    }
    sections[at] = have.join('\n');
  }
}

/**
 * An answer to one half: its best piece alone (the whole's answer says the rest), none of the
 * `quoted` lines; null when the output guard stopped it.
 */
export type AskHalf = (question: string, quoted: ReadonlySet<string>) => Promise<PartAnswer | null>;

/**
 * The answer to a two-part question: the whole question's answer, then each half's where it quotes
 * what the answer so far does not. The whole matches both halves at once and may quote the piece
 * on one only. A half whose best piece is already quoted adds nothing; one that repeats some other
 * piece is asked again without the pieces already quoted ("khoản 1" after "khoản 3"). Abstaining on
 * the whole stands: a half asked alone matches more loosely. A half the guard stops (`allowed`, the
 * input guard, for the second half completed with the first; or the output guard) is left out: the
 * whole question passed it.
 */
export async function answerInParts(whole: PartAnswer, parts: readonly [string, string], ask: AskHalf, allowed: (question: string) => boolean): Promise<PartAnswer> {
  if (whole.abstained) return whole;
  const sections = bodyOf(whole.text).split('\n\n');
  let citations = whole.citations;
  let previous: PartAnswer | undefined;
  for (const [i, part] of parts.entries()) {
    const question = i === 0 ? part : secondPartQuestion(parts, previous?.text ?? whole.text);
    if (!allowed(question)) continue;
    let half = await ask(question, new Set());
    if (!half) continue;
    previous = half;
    if (half.abstained) continue;
    // Lines quoted whole: one the answer so far had to cut may still be quoted whole by a half.
    const seen = new Set(sections.flatMap(quotedLines).filter((l) => !isCut(l)).map(quotedKey));
    const lines = quotedLines(bodyOf(half.text));
    // The half's best piece (its first line past a lead-in ending in ":") already quoted: it adds nothing.
    const best = lines.find((l) => !l.endsWith(':')) ?? lines[0];
    if (!best || isQuoted(best, seen)) continue;
    if (lines.some((l) => isQuoted(l, seen))) {
      half = await ask(question, seen);
      if (!half || half.abstained) continue;
    }
    addSections(sections, bodyOf(half.text));
    citations = uniqueCitations([...citations, ...half.citations]);
  }
  if (citations === whole.citations) return whole;
  return { text: `${sections.join('\n\n')}\n\n${sourcesBlock(citations)}`, abstained: false, citations };
}
