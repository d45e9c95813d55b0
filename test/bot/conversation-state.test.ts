import { describe, expect, it, vi } from 'vitest';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity, type BotState } from 'botbuilder';
import { LeanConversationState } from '../../bot/conversation-state.js';

const adapter = new TestAdapter(async () => undefined);
const turn = (conversation = 'c1') =>
  new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity);

/** One turn: read a property, maybe change it, save. */
async function step(state: BotState, change?: (history: string[]) => string[], conversation?: string): Promise<string[]> {
  const context = turn(conversation);
  const history = state.createProperty<string[]>('history');
  const before = (await history.get(context, [])) ?? [];
  if (change) await history.set(context, change([...before]));
  await state.saveChanges(context, false);
  return before;
}

describe('LeanConversationState', () => {
  it('saves a changed state and nothing when the turn changed nothing', async () => {
    const storage = new MemoryStorage();
    const write = vi.spyOn(storage, 'write');
    const state = new LeanConversationState(storage);
    await step(state, (h) => [...h, 'một']);
    expect(write).toHaveBeenCalledTimes(1);
    await step(state); // read only
    await step(state, (h) => h); // set to an equal value
    expect(write).toHaveBeenCalledTimes(1);
    expect(await step(state, (h) => [...h, 'hai'])).toEqual(['một']);
    expect(write).toHaveBeenCalledTimes(2);
    expect(await step(state)).toEqual(['một', 'hai']);
    expect(await step(state, undefined, 'c2')).toEqual([]);
  });

  it('reads once per turn and keeps what botbuilder’s ConversationState keeps, where it keeps it', async () => {
    const storage = new MemoryStorage();
    const read = vi.spyOn(storage, 'read');
    const lean = new LeanConversationState(storage);
    const plain = new ConversationState(storage);
    const context = turn();
    const a = lean.createProperty<number>('a');
    const b = lean.createProperty<number>('b');
    await a.set(context, 1);
    await b.set(context, (await a.get(context))! + 1);
    await lean.saveChanges(context);
    expect(read).toHaveBeenCalledTimes(1);
    // Same key and shape: the stock state reads it, and the lean one reads what the stock one wrote.
    expect(await step(plain, () => ['từ ConversationState'])).toEqual([]);
    const check = turn();
    expect(await lean.createProperty('b').get(check)).toBe(2);
    expect(await lean.createProperty('history').get(check)).toEqual(['từ ConversationState']);
    expect(lean.get(check)).toMatchObject({ a: 1, b: 2 });
  });

  it('clear saves an empty state; delete removes it', async () => {
    const storage = new MemoryStorage();
    const state = new LeanConversationState(storage);
    await step(state, () => ['một']);
    const context = turn();
    await state.clear(context);
    await state.saveChanges(context);
    expect(await step(state)).toEqual([]);
    await step(state, () => ['hai']);
    await state.delete(turn());
    const key = 'test/conversations/c1/';
    expect((await storage.read([key]))[key]).toBeUndefined();
  });
});
