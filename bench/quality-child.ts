/**
 * Child: quality on the real knowledge corpus.
 *   dev-set retrieval (ours vs LangChain default vs MiniSearch), answer quality
 *   of the embedded default, and guard refusal rates (its decision time is timed alone: guard-child.ts).
 *
 *   node --import tsx bench/quality-child.ts --index DIR
 */
import type { GuardTally, QualitySection } from './lib/results.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listSourceFiles } from '../ingest/pipeline.js';
import { openAssistant } from '../core/runtime.js';
import { checkInput } from '../core/guard/index.js';
import { fold } from '../core/text.js';
import { askWithHistory, loadDevset, judge, type DevItem } from '../test/quality/devset.js';
import { reportResult, REPO_ROOT } from './lib/child.js';
import { benchConfig } from './lib/bench-config.js';
import { openRetriever } from './lib/our-retriever.js';
import { LangchainPeer, splitSources } from './lib/peer-langchain.js';
import { MiniSearchPeer } from './lib/peer-minisearch.js';
import { retrievalItems, scoreRetrieval, type RankMetrics } from './lib/devset-retrieval.js';
import { loadGuardSets } from './lib/guard-sets.js';
import { ensureKnowledgeIndex } from './lib/knowledge-index.js';

/** What this child reports: the quality section of the results. */
export type QualityResult = QualitySection;

const { values } = parseArgs({ options: { index: { type: 'string' }, knowledge: { type: 'string' } } });
const indexDir = path.resolve(values.index!);
const knowledgeDir = path.resolve(values.knowledge ?? path.join(REPO_ROOT, 'knowledge'));
const cfg = benchConfig();

await ensureKnowledgeIndex(cfg, knowledgeDir, indexDir);

const devset = loadDevset();
const items = retrievalItems(devset);

// (a) ours
const { retriever, index } = await openRetriever(cfg, indexDir);
const ours = await scoreRetrieval(items, async (q) =>
  (await retriever.retrieve(q, 10)).map((h) => ({ source: h.item.docId, text: h.item.text, locator: [h.item.locator, h.item.heading].filter(Boolean).join(' ') })),
);

// (b) the LangChain default over the same files, read as plain text
const files = await listSourceFiles(knowledgeDir);
const sources = await Promise.all(files.map(async (f) => ({ source: f, text: await readFile(path.join(knowledgeDir, f), 'utf8') })));
const peer = await LangchainPeer.build(await splitSources(sources));
const langchain = await scoreRetrieval(items, async (q) => (await peer.search(q, 10)).map((h) => ({ source: h.source, text: h.text })));

// (c) MiniSearch over our chunks
const mini = new MiniSearchPeer(index.chunks);
const minisearch = await scoreRetrieval(items, async (q) =>
  mini.search(q, 10).map((c) => ({ source: c.docId, text: c.text, locator: [c.locator, c.heading].filter(Boolean).join(' ') })),
);

// Answer quality: the embedded default (no chat model), follow-ups asked in order; the dev set as
// written, then typed without accents (users type "ke hoach 221" too).
const assistant = await openAssistant(cfg, { indexDir, chatModel: null });
async function answerQuality(spell: (text: string) => string): Promise<QualityResult['answers']> {
  const out: QualityResult['answers'] = { answerable: 0, correct: 0, factsOk: 0, citationOk: 0, outOfScope: 0, abstainedCorrectly: 0, failures: [] };
  for (const item of devset as DevItem[]) {
    const reply = await askWithHistory(assistant, spell(item.question), item.history?.map(spell));
    const v = judge(item, reply);
    if (item.expect.abstain) {
      out.outOfScope++;
      if (v.ok) out.abstainedCorrectly++;
    } else {
      out.answerable++;
      if (v.ok) out.correct++;
      if (v.factsOk) out.factsOk++;
      if (v.citationOk) out.citationOk++;
    }
    if (!v.ok) out.failures.push({ id: item.id, kind: item.kind, missing: v.missing, citationOk: v.citationOk });
  }
  return out;
}
const answers = await answerQuality((t) => t);
const answersUnaccented = await answerQuality(fold);

// Guard: decisions and their time per message (warm, then timed rounds).
const sets = loadGuardSets();
const refused = (m: string) => !checkInput(m).allowed;
function tally(attacks: string[], benign: string[]): GuardTally {
  const missedAttacks = attacks.filter((m) => !refused(m));
  const falseRefusals = benign.filter(refused);
  return {
    redTeam: attacks.length,
    benign: benign.length,
    refusedRedTeam: attacks.length - missedAttacks.length,
    refusedBenign: falseRefusals.length,
    missedAttacks: missedAttacks.slice(0, 20),
    falseRefusals: falseRefusals.slice(0, 20),
  };
}

const result: QualityResult = {
  chunks: index.chunks.length,
  devset: { items: devset.length, retrievalItems: items.length, ours, langchain, minisearch },
  answers,
  answersUnaccented,
  guard: { files: sets.files, ...tally(sets.redTeam, sets.benign), heldOut: tally(sets.heldOutRedTeam, sets.heldOutBenign) },
};
reportResult(result);
