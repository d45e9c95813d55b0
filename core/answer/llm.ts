/**
 * The opt-in generative path: a LangChain chain (prompt → chat model → string)
 * grounded in the numbered retrieved passages. Whatever goes wrong (timeout,
 * provider error, an answer citing nothing) ends in the extractive answer or an
 * honest abstention, never in an uncited model answer.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { Chunk, Scored, Turn } from '../types.js';
import { fold } from '../text.js';
import { answerPrompt, historyLines, NO_INFO_PHRASE, passageBlock, rewritePrompt } from '../../prompts/llm.js';
import { abstentionText } from '../../prompts/answer.js';
import { decideAbstention } from './abstain.js';
import { composeExtractive, type ComposeOptions, type ComposeResult } from './compose.js';
import { citationOf, documentLabel, sourcesBlock } from './format.js';
import { isFollowUp, rewriteFollowUp } from './rewrite.js';

export interface LlmOptions {
  timeoutMs: number;
  history?: Turn[];
  /** At most this many passages are shown to the model. */
  maxPassages?: number;
  /** Each passage is cut to this many characters. */
  maxPassageChars?: number;
  /** Options of the extractive fallback (and of the abstention check done before calling the model). */
  extractive?: Partial<ComposeOptions>;
  /** Called with the error when the chain fails and the extractive answer is used instead. */
  onFallback?: (error: unknown) => void;
}

export type LlmComposeResult = ComposeResult & { fallback: boolean };

/** The numbered passages exactly as the model sees them. */
export function formatPassages(hits: Scored<Chunk>[], maxChars = 1500): string {
  return hits
    .map((h, i) => {
      const c = citationOf(h.item);
      const source = [documentLabel(c), c.locator].filter(Boolean).join(', ');
      const body = [h.item.heading, h.item.text].filter(Boolean).join('\n');
      return passageBlock(i + 1, source, body.length > maxChars ? `${body.slice(0, maxChars)}…` : body);
    })
    .join('\n\n');
}

/** Passage numbers the answer cites ("[1]", "[2, 3]", "[1][3]"), in order of first citation, within range. */
export function citedPassages(answer: string, count: number): number[] {
  const out: number[] = [];
  for (const m of answer.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/g)) {
    for (const n of m[1].split(/[,;]/).map((x) => Number(x.trim()))) {
      if (n >= 1 && n <= count && !out.includes(n)) out.push(n);
    }
  }
  return out;
}

function saysNoInfo(answer: string): boolean {
  return fold(answer).includes(fold(NO_INFO_PHRASE)) || /^\s*$/.test(answer);
}

/** Grounded generative answer, falling back to the extractive composer on any failure. */
export async function composeWithLlm(
  model: BaseChatModel,
  question: string,
  hits: Scored<Chunk>[],
  options: LlmOptions,
): Promise<LlmComposeResult> {
  const extractive = (): LlmComposeResult => ({ ...composeExtractive(question, hits, options.extractive), fallback: true });
  // Nothing relevant retrieved: no model call, the same honest abstention as offline.
  const decision = decideAbstention(question, hits, options.extractive?.abstain);
  if (decision.abstain && !options.extractive?.skipAbstention) {
    return { ...composeExtractive(question, hits, options.extractive), fallback: false };
  }
  const shown = hits.slice(0, options.maxPassages ?? 5);
  const chain = answerPrompt.pipe(model).pipe(new StringOutputParser());
  let answer: string;
  try {
    answer = await chain.invoke(
      {
        passages: formatPassages(shown, options.maxPassageChars),
        history: historyLines((options.history ?? []).slice(-3)),
        question,
      },
      { timeout: options.timeoutMs },
    );
  } catch (error) {
    options.onFallback?.(error);
    return extractive();
  }
  const cited = citedPassages(answer, shown.length);
  if (!cited.length || saysNoInfo(answer)) {
    return {
      text: abstentionText(options.extractive?.coverageHint),
      citations: [],
      abstained: true,
      used: [],
      abstainReason: 'missing-terms',
      fallback: false,
    };
  }
  const used = cited.map((n) => shown[n - 1]);
  const citations = used.map((h) => citationOf(h.item, options.extractive?.superseded));
  const labels = cited.map((n) => `[${n}]`);
  return {
    text: `${answer.trim()}\n\n${sourcesBlock(citations, labels)}`,
    citations: dedupe(citations),
    abstained: false,
    used,
    fallback: false,
  };
}

function dedupe<T extends { source: string; locator?: string }>(cs: T[]): T[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.source}\u0000${c.locator ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Follow-up rewriting with the model, when one is configured: only for questions the
 * rule-based detector flags, and only an answer that looks like one question is kept;
 * otherwise (and on timeout or error) the rule-based rewrite is used.
 */
export async function rewriteWithLlm(
  model: BaseChatModel,
  question: string,
  history: Turn[],
  options: { timeoutMs: number },
): Promise<string> {
  const fallback = rewriteFollowUp(question, history);
  if (!isFollowUp(question, history)) return fallback;
  try {
    const chain = rewritePrompt.pipe(model).pipe(new StringOutputParser());
    const out = (
      await chain.invoke({ history: historyLines(history.slice(-3)), question }, { timeout: options.timeoutMs })
    )
      .trim()
      .replace(/^["“]|["”]$/g, '')
      .trim();
    if (!out || out.length > 400 || out.includes('\n')) return fallback;
    return out.normalize('NFC');
  } catch {
    return fallback;
  }
}
