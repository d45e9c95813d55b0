/** Typed failures of the shared state store. */

/**
 * A write lost the optimistic-concurrency race. The message is the one
 * botbuilder's own storages use, so code that recognises theirs recognises ours.
 */
export class ETagConflictError extends Error {
  constructor(public readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** The shared store could not be reached (at start-up, or a command failed fast while it is down). */
export class StateStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateStoreUnavailableError';
  }
}
