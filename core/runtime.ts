/**
 * Opens the assistant the service and the CLI talk to: loads the current index
 * version, builds the retriever, guard and composer. (Placeholder until the
 * answering pipeline lands: it abstains on everything.)
 */
import type { Config } from './config.js';
import type { Assistant } from './assistant.js';

export interface RuntimeAssistant extends Assistant {
  /** Re-open the current index version (after a re-ingest); in-flight asks finish on the old one. */
  reload(): Promise<void>;
}

export async function openAssistant(_cfg: Config): Promise<RuntimeAssistant> {
  return {
    async ask(question) {
      return { id: 'placeholder', standalone: question, text: '', refused: false, abstained: true, citations: [], ms: 0 };
    },
    health() {
      return { loaded: false, documents: 0, chunks: 0, version: null };
    },
    async reload() {},
  };
}
