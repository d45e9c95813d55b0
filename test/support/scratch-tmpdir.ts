/**
 * Vitest global setup: every temporary file or folder the suite makes (indexes, audit logs,
 * Redis data, browser profiles, servers' scratch space) goes under one folder, removed when the
 * run ends. Tests keep calling os.tmpdir() as usual; without this a developer's /tmp gains a few
 * hundred folders per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'vks-test-run-'));
  // Read by os.tmpdir() in the test workers and in every process a test starts: all are forked
  // after this runs and inherit the environment.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
