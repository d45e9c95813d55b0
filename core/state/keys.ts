/** Every Redis key and channel the service uses, under one configurable prefix. */
export interface StateKeys {
  /** Bot state item (conversation history and the like). */
  item(key: string): string;
  feedback: string;
  refusalAudit: string;
  ingestLock: string;
  currentVersion: string;
  versionChannel: string;
}

export function stateKeys(prefix: string): StateKeys {
  return {
    item: (key) => `${prefix}state:${key}`,
    feedback: `${prefix}feedback`,
    refusalAudit: `${prefix}audit:refusals`,
    ingestLock: `${prefix}ingest:lock`,
    currentVersion: `${prefix}index:current`,
    versionChannel: `${prefix}index:versions`,
  };
}
