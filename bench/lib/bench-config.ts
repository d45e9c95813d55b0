/** The configuration every bench process runs with: defaults, quiet, side files in a scratch folder. */
import os from 'node:os';
import path from 'node:path';
import { testConfig, type Config } from '../../core/config.js';

export function benchConfig(overrides: Record<string, string> = {}): Config {
  const scratch = path.join(os.tmpdir(), `vks-bench-${process.pid}`);
  return testConfig({
    LOG_LEVEL: 'silent',
    REFUSAL_AUDIT_FILE: path.join(scratch, 'refusals.jsonl'),
    INGEST_AUDIT_FILE: path.join(scratch, 'ingest.jsonl'),
    FEEDBACK_FILE: path.join(scratch, 'feedback.jsonl'),
    DATA_DIR: scratch,
    ...overrides,
  });
}
