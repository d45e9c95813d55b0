/**
 * Conversation state with a cheaper change check. Same storage, same keys, same
 * stored shape and the same load/save semantics as botbuilder's ConversationState
 * (saved only when changed, last writer wins with eTag "*"), so either one reads
 * what the other wrote.
 *
 * botbuilder decides "changed" by a SHA-256 of its own replacer-based stringify,
 * computed three times a turn (after reading, before and after writing); over a
 * conversation's history of answers that was the largest cost of a cached turn
 * after the adapter's own. A plain JSON snapshot compares the same plain data.
 */
import { ConversationState, type TurnContext } from 'botbuilder';

interface Cached {
  state: Record<string, unknown>;
  /** JSON of the state as last read or written, eTag left out (storage changes it on every write). */
  snapshot: string;
}

function snapshotOf(state: Record<string, unknown>): string {
  return JSON.stringify({ ...state, eTag: undefined });
}

export class LeanConversationState extends ConversationState {
  /** The turn's cached state (botbuilder's own key is private to BotState). */
  private readonly turnKey = Symbol('LeanConversationState');

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.turnKey) as Cached | undefined;
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(this.turnKey, { state, snapshot: snapshotOf(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = (context.turnState.get(this.turnKey) as Cached | undefined) ?? (force ? { state: {}, snapshot: '' } : undefined);
    if (!cached) return;
    const now = snapshotOf(cached.state);
    if (!force && now === cached.snapshot) return;
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    await this.storage.write({ [key]: cached.state });
    cached.snapshot = now;
    context.turnState.set(this.turnKey, cached);
  }

  override async clear(context: TurnContext): Promise<void> {
    // An empty snapshot never matches: the cleared state is saved.
    context.turnState.set(this.turnKey, { state: {}, snapshot: '' } satisfies Cached);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.turnKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.turnKey) as Cached | undefined)?.state;
  }
}
