/**
 * npm run -s ask -- "câu hỏi"              answer and sources, for a person
 * npm run -s ask -- --jsonl [--index DIR]  one question per stdin line → one JSON object per stdout line
 *
 * stdout carries answers only; every log line goes to stderr.
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, loadDotEnv } from './config.js';
import { openAssistant } from './runtime.js';
import { ensureIndex } from '../ingest/ensure.js';
import { readCurrentVersion } from '../ingest/store.js';
import type { AssistantReply } from './assistant.js';
import { sourcesBlock } from './answer/format.js';

export function toJsonLine(question: string, r: AssistantReply): string {
  return JSON.stringify({
    question,
    answer: r.text,
    refused: r.refused,
    abstained: r.abstained,
    citations: r.citations.map((c) => ({ source: c.source, title: c.title, locator: c.locator ?? '' })),
    ms: r.ms,
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { jsonl: { type: 'boolean', default: false }, index: { type: 'string' } },
  });
  loadDotEnv();
  const cfg = loadConfig();
  let indexDir = cfg.INDEX_DIR;
  if (values.index) {
    indexDir = values.index;
    if (!existsSync(indexDir) || !(await readCurrentVersion(path.resolve(indexDir)))) {
      console.error(`Không có chỉ mục tại ${indexDir}. Dựng bằng: npm run ingest -- --source <thư mục> --index ${indexDir}`);
      return 2;
    }
  } else {
    await ensureIndex(cfg);
  }
  const assistant = await openAssistant(cfg, { indexDir });

  if (!values.jsonl) {
    const question = positionals.join(' ').trim();
    if (!question) {
      console.error('Cách dùng: npm run -s ask -- "câu hỏi"   hoặc   npm run -s ask -- --jsonl [--index DIR] < cau-hoi.txt');
      return 2;
    }
    const r = await assistant.ask(question, { channel: 'cli' });
    process.stdout.write(`${r.text}\n`);
    if (r.citations.length && !r.text.includes('Nguồn:')) {
      process.stdout.write(`\n${sourcesBlock(r.citations)}\n`);
    }
    return 0;
  }

  // Each line is its own question: scripts compare answers line by line.
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const question = line.trim();
    if (!question) continue;
    const r = await assistant.ask(question, { channel: 'cli' });
    process.stdout.write(toJsonLine(question, r) + '\n');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exit(2);
  },
);
