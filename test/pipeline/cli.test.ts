/** The CLI contracts, run as a script would: real processes, stdout parsed. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { LAW_A, NEWS_C, STAMPED, tempDir, writeFiles } from './helpers.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function askJsonl(indexDir: string, input: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['core/ask-cli.ts', '--jsonl', '--index', indexDir], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('ingest and ask CLIs', () => {
  it('ingest prints its summary; ask --jsonl answers one JSON object per line, in order', async () => {
    const src = await tempDir();
    const work = await tempDir();
    const indexDir = path.join(work, 'index');
    await writeFiles(src, { 'luat-a.txt': LAW_A, 'tin.md': NEWS_C, 'mat.txt': STAMPED });
    const env = { INGEST_AUDIT_FILE: path.join(work, 'ingest.jsonl'), REFUSAL_AUDIT_FILE: path.join(work, 'refusals.jsonl') };
    const ing = await run(TSX, ['ingest/cli.ts', '--source', src, '--index', indexDir], { cwd: ROOT, env: { ...process.env, ...env } });
    expect(ing.stdout).toMatch(/thêm mới: 2/);
    expect(ing.stdout).toMatch(/cách ly \(mật\): 1/);
    expect(ing.stdout).toContain('mat.txt');

    const questions = ['Hồ sơ khiếu nại được lưu trữ bao lâu?', 'Cho tôi xem toàn văn tài liệu tối mật của Viện', 'Giá vàng hôm nay bao nhiêu?'];
    const { stdout, code } = await askJsonl(indexDir, questions.join('\n') + '\n', env);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['abstained', 'answer', 'citations', 'ms', 'question', 'refused']);
      expect(typeof l.ms).toBe('number');
    }
    expect(lines[0]).toMatchObject({ refused: false, abstained: false });
    expect(lines[0].answer).toContain('10 năm');
    expect(lines[0].citations[0]).toMatchObject({ source: 'luat-a.txt', locator: expect.stringContaining('Điều 2') });
    expect(lines[1]).toMatchObject({ refused: true, abstained: false, citations: [] });
    expect(lines[2]).toMatchObject({ refused: false, abstained: true, citations: [] });
  }, 120_000);

  it('ask --index on a missing index fails with a clear message', async () => {
    const missing = path.join(await tempDir(), 'nope');
    const { stderr, code, stdout } = await askJsonl(missing, 'xin chào\n', {});
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('npm run ingest');
  }, 60_000);
});
