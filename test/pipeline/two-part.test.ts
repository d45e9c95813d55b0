/**
 * A question asking two things gets both: the whole question's answer quotes the term of office,
 * and the half asking who appoints adds the khoản that says so.
 */
import { describe, expect, it } from 'vitest';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { countingProvider, tempDir } from './helpers.js';

describe('a two-part question in the assistant', async () => {
  const src = await tempDir();
  const indexDir = await tempDir();
  const law = 'luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt';
  for (const f of [law, `${law}.meta.yaml`]) await copyFile(path.join('knowledge/luat', f), path.join(src, f));
  await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
  const assistant = await openAssistant(testConfig(), { indexDir, chatModel: null });

  it('answers each half, citing both, and answers the same way from its cache', async () => {
    const q = 'Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm và nhiệm kỳ mấy năm?';
    const r = await assistant.ask(q);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('05 năm');
    expect(r.text).toMatch(/cấp tỉnh do Viện trưởng Viện kiểm sát nhân dân tối cao bổ nhiệm/u);
    expect(r.citations.map((c) => c.locator)).toEqual(expect.arrayContaining([expect.stringMatching(/^Điều 66, khoản 3/u), expect.stringMatching(/^Điều 66, khoản 1/u)]));
    const again = await assistant.ask(q);
    expect(again.text).toBe(r.text);
  });

  it('answers one half alone as before', async () => {
    const r = await assistant.ask('Nhiệm kỳ của Viện trưởng VKSND cấp tỉnh là mấy năm?');
    expect(r.text).toContain('05 năm');
    expect(r.text).not.toContain('bổ nhiệm, miễn nhiệm');
  });
});
