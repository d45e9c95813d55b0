/**
 * A message that is only a greeting, thanks, a goodbye or a question to the assistant about
 * itself ("xin chào", "cảm ơn bạn nhiều", "bạn là ai?", "bạn bao nhiêu tuổi, có người yêu chưa?"):
 * answered with a reply of its own (prompts/small-talk.ts), not searched for in the documents,
 * where its words would find unrelated passages ("tên", "tuổi", "người yêu cầu"). A message that
 * also asks something else ("chào bạn, thời hạn khiếu nại là bao lâu?") is a question.
 */
import { fold, wordsOf } from '../text.js';
import type { SmallTalkKind } from '../../prompts/small-talk.js';

/** Each kind's phrases, folded; the first matching kind of a message's first clause is its kind. */
const PHRASES: ReadonlyArray<[SmallTalkKind, RegExp]> = [
  ['greeting', /^(?:xin chao|chao|hello|hi|hey|alo|good morning)$/],
  ['thanks', /^(?:(?:xin )?cam on|thanks?|thank you|tks|thanks a lot)$/],
  ['goodbye', /^(?:tam biet|bye|bye bye|goodbye|hen gap lai)$/],
  [
    'identity',
    /^(?:(?:may|ban|tro ly) )?(?:la ai|ten (?:la )?gi|co the lam (?:duoc )?(?:nhung )?gi|lam duoc (?:nhung )?gi|giup (?:duoc )?(?:gi|duoc gi|toi duoc gi|duoc nhung gi)|biet (?:nhung )?gi|tra loi duoc (?:nhung )?gi|huong dan su dung|dung the nao)$|^help$|^(?:who are you|what can you do)$/,
  ],
  ['personal', /^(?:ban )?(?:bao nhieu tuoi|may tuoi|co nguoi yeu chua|co vo chua|co chong chua|o dau|khoe khong|an com chua|dang lam gi|que o dau)$/],
];
/** Words around a small-talk phrase that add nothing to it ("ạ", "nhé", "nhiều", "bạn", "trợ lý"). */
const FILLERS = new Set(['a', 'nhe', 'nha', 'nhieu', 'lam', 'oi', 'ban', 'tro', 'ly', 'ad', 'em', 'anh', 'chi', 'minh', 'ok', 'oke', 'okay', 'vang', 'da', 'rat', 'ne', 'nhi', 'so', 'much', 'you']);

function phraseKind(words: string[]): SmallTalkKind | undefined {
  // The phrase may carry fillers before and after ("ok cảm ơn bạn nhiều nhé"): try each core span.
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && !FILLERS.has(words[i - 1])) break;
    for (let j = words.length; j > i; j--) {
      if (j < words.length && !FILLERS.has(words[j])) break;
      const core = words.slice(i, j).join(' ');
      for (const [kind, re] of PHRASES) if (re.test(core)) return kind;
    }
  }
  return undefined;
}

/**
 * "Cho mình hỏi chút,", "Xin hỏi nhanh:", "anh chị ơi cho em hỏi với,": asking leave to ask, a clause
 * of its own before the question ("chút" would otherwise be read as a word of it), folded.
 */
const ASKING = /^(?:da )?(?:(?:cac )?(?:anh|chi|em|ban|moi nguoi|ad|anh chi)(?: oi)? )?(?:cho|xin) (?:(?:em|minh|toi|chau|con|mk|e|t|tui|to|anh|chi) )?(?:xin )?hoi(?: (?:chut|ti|xiu|nhanh|cai|voi|nhe|nha|a|ty|them|mot|1))*$/;

/** The kind of small talk the message is, when it is nothing else. */
export function smallTalk(message: string): SmallTalkKind | undefined {
  const clauses = fold(message)
    .toLowerCase()
    .split(/[,.;!?\n]+/)
    .map((c) => wordsOf(c))
    .filter((w) => w.length > 0);
  if (!clauses.length || clauses.length > 3 || clauses.some((c) => c.length > 8)) return undefined;
  const kinds = clauses.map(phraseKind);
  if (kinds.some((k) => k === undefined)) return undefined;
  // "Chào bạn, bạn là ai?": what it asks, past the greeting.
  return kinds.find((k) => k !== 'greeting') ?? 'greeting';
}

/**
 * The message without the greeting or thanks it opens or closes with ("Chào bạn, thời hạn … là bao
 * lâu? Cảm ơn!"): what is asked. The message as it is when nothing else is left.
 */
export function withoutSmallTalk(message: string): string {
  const parts = message.split(/(?<=[,.;:!?\n])\s*/u);
  // Only what opens or closes a message: a question about the assistant is the question itself.
  const talk = (part: string) => {
    const words = wordsOf(fold(part).toLowerCase());
    const kind = words.length > 0 && words.length <= 8 ? phraseKind(words) : undefined;
    return kind === 'greeting' || kind === 'thanks' || kind === 'goodbye' || ASKING.test(words.join(' '));
  };
  let start = 0;
  let end = parts.length;
  while (start < end && talk(parts[start])) start++;
  while (end > start && talk(parts[end - 1])) end--;
  const kept = parts.slice(start, end).join(' ').trim();
  return kept && (start > 0 || end < parts.length) ? kept : message;
}
