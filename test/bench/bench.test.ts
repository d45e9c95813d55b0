/**
 * `npm run bench -- --quick` end to end, in a child process, into a scratch
 * folder: it must finish, measure every part, and write well-formed results.
 * Timings are never asserted (they depend on the machine), only their shape.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_SCHEMA, type BenchResults } from '../../bench/lib/results.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm run bench -- --quick', () => {
  it('completes and writes well-formed results', { timeout: 20 * 60_000 }, async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'vks-bench-test-'));
    // Asynchronous on purpose: a blocking spawn would starve the test worker's heartbeat.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-6000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), 19 * 60_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stderr });
      });
    });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);

    const json = JSON.parse(readFileSync(path.join(out, 'latest-quick.json'), 'utf8')) as BenchResults;
    const md = readFileSync(path.join(out, 'latest-quick.md'), 'utf8');
    expect(json.schema).toBe(RESULTS_SCHEMA);
    expect(json.quick).toBe(true);
    expect(json.errors).toEqual([]);
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machine.cpu.length).toBeGreaterThan(0);
    expect(json.machine.node).toMatch(/^v\d+/);

    // Every part measured.
    expect(json.quality?.devset.retrievalItems).toBeGreaterThan(0);
    expect(json.beir?.some((r) => r.system === 'hybrid')).toBe(true);
    expect(json.beir?.some((r) => r.system === 'langchain-default')).toBe(true);
    expect(json.beir?.some((r) => r.system === 'minisearch')).toBe(true);
    expect(json.guardTiming?.n).toBeGreaterThan(0);
    expect(json.speed.map((s) => s.size)).toEqual(json.plan.sizes);
    for (const s of json.speed) {
      for (const impl of ['ours', 'peer'] as const) {
        expect(s[impl].build?.chunks).toBeGreaterThan(0);
        expect(s[impl].measure?.ask.n).toBe(json.plan.asks);
      }
    }
    expect(json.load?.ours?.requests).toBeGreaterThan(0);
    expect(json.load?.echo?.requests).toBeGreaterThan(0);

    // Figures: well-formed, and the tally agrees with them.
    expect(json.figures.length).toBeGreaterThan(10);
    for (const f of json.figures) {
      expect(typeof f.section).toBe('string');
      expect(typeof f.name).toBe('string');
      expect(f.value === null || Number.isFinite(f.value)).toBe(true);
      if (f.target) expect(typeof f.target.ok).toBe('boolean');
    }
    const targeted = json.figures.filter((f) => f.target);
    expect(json.tally.met + json.tally.missed).toBe(targeted.length);

    // The markdown carries the machine and one row per figure.
    expect(md).toContain(json.machine.cpu);
    expect(md).toContain('| figure | value | target |');
    expect(md.split('\n').filter((l) => /\| [✓✗] \|$/.test(l)).length).toBe(targeted.length);

    // The dated copy sits beside latest.
    const dated = readdirSync(out).filter((f) => /^\d{4}-\d{2}-\d{2}T\d{6}Z-quick\.(md|json)$/.test(f));
    expect(dated.length).toBe(2);
    expect(existsSync(path.join(out, 'latest-quick.md'))).toBe(true);
  });
});
