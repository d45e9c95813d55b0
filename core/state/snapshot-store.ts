/**
 * Where index snapshots (immutable version folders) live, seen from one
 * replica. Today: a directory every replica mounts (the ingest writes
 * versions/<v>/ and CURRENT there, so there is nothing to fetch). Later an
 * object store can implement the same interface by downloading versions/<v>/
 * and writing the local CURRENT before the assistant reloads.
 */
import { stat } from 'node:fs/promises';
import { readCurrentVersion, versionDir } from '../../ingest/store.js';

export interface SnapshotStore {
  /** For logs: where snapshots come from. */
  readonly location: string;
  /**
   * Make `version` the one the local INDEX_DIR points at, fetching it if needed.
   * Resolves false when it is not available (yet): the caller retries later.
   */
  prepare(version: string): Promise<boolean>;
}

export class DirectorySnapshotStore implements SnapshotStore {
  constructor(private readonly indexDir: string) {}

  get location(): string {
    return this.indexDir;
  }

  async prepare(version: string): Promise<boolean> {
    // Network file systems may show the announcement before the files: wait for both.
    const [current, folder] = await Promise.all([
      readCurrentVersion(this.indexDir),
      stat(versionDir(this.indexDir, version)).then((s) => s.isDirectory(), () => false),
    ]);
    return folder && current === version;
  }
}
