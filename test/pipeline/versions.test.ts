/** Document versions: a newer text supersedes an older one; answers prefer the version in force. */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { applySupersessions } from '../../ingest/versions.js';
import { emptyManifest } from '../../ingest/manifest.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import type { DocMeta } from '../../core/types.js';
import { countingProvider, tempDir, writeFiles } from './helpers.js';

const meta = (docId: string, m: Partial<DocMeta>): DocMeta => ({ docId, source: docId, title: 'Quy chế X', type: 'Quyết định', ...m });

function manifestOf(metas: DocMeta[]) {
  const m = emptyManifest('k');
  for (const x of metas) m.files[x.docId] = { hash: x.docId, size: 1, status: 'indexed', meta: x };
  return m;
}

describe('supersession rules', () => {
  it('same number: the later one in force wins; explicit replaces; future effective dates wait', () => {
    const old = meta('a.md', { number: '12/QĐ-VKSTC', date: '2020-01-01' });
    const neu = meta('b.md', { number: '12/QĐ-VKSTC', date: '2024-01-01' });
    const m1 = manifestOf([old, neu]);
    expect(applySupersessions(m1, [old, neu], '2025-01-01')).toEqual([{ older: 'Quy chế X (12/QĐ-VKSTC)', newer: 'Quy chế X (12/QĐ-VKSTC)' }]);
    expect(m1.files['a.md'].supersededBy).toBeDefined();
    expect(m1.files['b.md'].supersededBy).toBeUndefined();

    const law = meta('l.txt', { title: 'Luật Y', number: '29/2018/QH14', date: '2018-11-15' });
    const repl = meta('n.txt', { title: 'Luật Y mới', number: '117/2025/QH15', effective: '2026-03-01', replaces: ['29/2018/QH14'] });
    const before = manifestOf([law, repl]);
    expect(applySupersessions(before, [law, repl], '2026-01-01')).toEqual([]);
    const after = manifestOf([law, repl]);
    expect(applySupersessions(after, [law, repl], '2026-06-01')).toEqual([{ older: 'Luật Y (29/2018/QH14)', newer: 'Luật Y mới (117/2025/QH15)' }]);
  });
});

describe('answers use the version in force', () => {
  it('cites the new version, and marks the old one superseded when it is cited', async () => {
    const src = await tempDir();
    const indexDir = await tempDir();
    const doc = (n: number, date: string, extra = '') => `---
title: Quy chế trực ban
type: Quyết định
number: 15/QĐ-VKSTC
date: ${date}
${extra}---
Điều 1. Thời gian trực ban
Cán bộ trực ban làm việc liên tục ${n} giờ trong một ca trực.
`;
    await writeFiles(src, { 'quy-che-2020.md': doc(12, '2020-03-01') });
    await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    await writeFile(path.join(src, 'quy-che-2024.md'), doc(8, '2024-03-01'));
    const report = await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
    expect(report.supersessions).toHaveLength(1);

    const assistant = await openAssistant(testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'a.jsonl') }), { indexDir, chatModel: null });
    const r = await assistant.ask('Cán bộ trực ban làm việc bao nhiêu giờ một ca?');
    expect(r.text).toContain('8 giờ');
    expect(r.citations[0]).toMatchObject({ source: 'quy-che-2024.md' });
    expect(r.citations[0].superseded).toBeUndefined();
    // Any citation of the old text says what replaced it.
    for (const c of r.citations.filter((c) => c.source === 'quy-che-2020.md')) expect(c.superseded).toContain('15/QĐ-VKSTC');
  }, 60_000);
});
