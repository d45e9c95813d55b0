import { describe, expect, it } from 'vitest';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { BaseMessage } from '@langchain/core/messages';
import { AzureChatOpenAI, AzureOpenAIEmbeddings, ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
import { citedPassages, composeWithLlm, rewriteWithLlm } from '../../core/answer/llm.js';
import { createChatModel, createEmbeddingsProvider, ProviderConfigError } from '../../core/answer/providers.js';
import { testConfig } from '../../core/config.js';
import { NO_INFO_PHRASE } from '../../prompts/llm.js';
import { rank, seedPlan2024, toCao } from './fixtures.js';

const kb = [...toCao(), ...seedPlan2024()];
const Q = 'Thời hạn giải quyết tố cáo là bao lâu?';
const hits = rank(Q, kb);

/** A fake model that records the messages it was given. */
class RecordingModel extends FakeListChatModel {
  seen: BaseMessage[][] = [];
  async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions']) {
    this.seen.push(messages);
    return super._generate(messages, options);
  }
}

const promptText = (m: RecordingModel) => m.seen[0].map((x) => String(x.content)).join('\n');

describe('composeWithLlm', () => {
  it('returns a grounded answer with citations parsed from [n]', async () => {
    const model = new RecordingModel({ responses: ['Thời hạn giải quyết tố cáo là không quá 30 ngày kể từ ngày thụ lý [1].'] });
    const r = await composeWithLlm(model, Q, hits, { timeoutMs: 5000 });
    expect(r.fallback).toBe(false);
    expect(r.abstained).toBe(false);
    expect(r.citations).toEqual([
      { source: 'knowledge/luat/luat-to-cao-2018.txt', title: 'Luật Tố cáo', number: '25/2018/QH14', locator: 'Điều 30' },
    ]);
    expect(r.used).toEqual([hits[0]]);
    expect(r.text).toContain('[1] Luật Tố cáo (25/2018/QH14), Điều 30');
  });

  it('cites only the passages the model cited, ignoring out-of-range numbers', async () => {
    const model = new FakeListChatModel({ responses: ['Theo [2] và [9], ... [2]'] });
    const r = await composeWithLlm(model, Q, hits, { timeoutMs: 5000 });
    expect(r.used).toEqual([hits[1]]);
    expect(r.citations).toHaveLength(1);
  });

  it('puts the numbered passages and the question in the prompt, and nothing else from the knowledge base', async () => {
    const model = new RecordingModel({ responses: ['... [1]'] });
    await composeWithLlm(model, Q, hits, { timeoutMs: 5000, maxPassages: 3 });
    const prompt = promptText(model);
    expect(prompt).toContain(Q);
    hits.slice(0, 3).forEach((h, i) => {
      expect(prompt).toContain(`[${i + 1}] `);
      expect(prompt).toContain(h.item.heading!);
    });
    const shown = new Set(hits.slice(0, 3).map((h) => h.item.id));
    for (const other of kb.filter((c) => !shown.has(c.id) && c.heading)) expect(prompt).not.toContain(other.heading!);
    expect(prompt).toMatch(/tiếng Việt/);
  });

  it('treats an answer that cites nothing or says "no information" as an abstention', async () => {
    for (const reply of ['Thời hạn là 30 ngày.', `${NO_INFO_PHRASE}.`]) {
      const r = await composeWithLlm(new FakeListChatModel({ responses: [reply] }), Q, hits, { timeoutMs: 5000 });
      expect(r).toMatchObject({ abstained: true, citations: [], fallback: false });
    }
  });

  it('falls back to the extractive answer on timeout', async () => {
    const model = new FakeListChatModel({ responses: ['trễ [1]'], sleep: 2000 });
    const r = await composeWithLlm(model, Q, hits, { timeoutMs: 50 });
    expect(r.fallback).toBe(true);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('không quá 30 ngày');
    expect(r.text).not.toContain('trễ');
  });

  it('falls back to the extractive answer on a provider error', async () => {
    const failing = new FakeListChatModel({ responses: ['x'] });
    failing._generate = async () => {
      throw new Error('429 rate limited');
    };
    let seen: unknown;
    const r = await composeWithLlm(failing, Q, hits, { timeoutMs: 5000, onFallback: (e) => (seen = e) });
    expect(r.fallback).toBe(true);
    expect(r.citations[0].locator).toBe('Điều 30, khoản 1');
    expect(String(seen)).toContain('429');
  });

  it('does not call the model when the hits do not answer', async () => {
    const model = new RecordingModel({ responses: ['bịa [1]'] });
    const q = 'Thời tiết Sóc Trăng hôm nay?';
    const r = await composeWithLlm(model, q, rank(q, kb), { timeoutMs: 5000 });
    expect(r.abstained).toBe(true);
    expect(model.seen).toHaveLength(0);
  });
});

describe('citedPassages', () => {
  it('parses [n], [n, m] and keeps the order of first citation', () => {
    expect(citedPassages('a [3] b [1, 2] c [3][4]', 3)).toEqual([3, 1, 2]);
    expect(citedPassages('không có', 3)).toEqual([]);
  });
});

describe('rewriteWithLlm', () => {
  const history = [{ question: 'Thời hạn giải quyết tố cáo là bao lâu?' }];
  it('uses the model rewrite for a follow-up', async () => {
    const model = new FakeListChatModel({ responses: ['Thời hạn giải quyết tố cáo có được gia hạn không?'] });
    expect(await rewriteWithLlm(model, 'thế còn gia hạn?', history, { timeoutMs: 5000 })).toBe(
      'Thời hạn giải quyết tố cáo có được gia hạn không?',
    );
  });
  it('falls back to the rule-based rewrite on timeout, and never calls the model for a standalone question', async () => {
    const slow = new RecordingModel({ responses: ['x'], sleep: 2000 });
    const out = await rewriteWithLlm(slow, 'thế còn gia hạn?', history, { timeoutMs: 50 });
    expect(out).toContain('gia hạn');
    expect(out).toContain('giải quyết tố cáo');
    const idle = new RecordingModel({ responses: ['x'] });
    expect(await rewriteWithLlm(idle, 'Người tố cáo có những quyền gì?', history, { timeoutMs: 50 })).toBe('Người tố cáo có những quyền gì?');
    expect(idle.seen).toHaveLength(0);
  });
});

describe('provider factories (constructed with dummy keys, no calls made)', () => {
  it('wires each provider', async () => {
    expect(await createChatModel(testConfig())).toBeNull();
    expect(await createChatModel(testConfig({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-dummy' }))).toBeInstanceOf(ChatOpenAI);
    const azure = testConfig({
      LLM_PROVIDER: 'azure',
      EMBEDDINGS_PROVIDER: 'azure',
      AZURE_OPENAI_API_KEY: 'dummy',
      AZURE_OPENAI_API_INSTANCE_NAME: 'inst',
      AZURE_OPENAI_API_DEPLOYMENT_NAME: 'chat',
      AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME: 'embed',
    });
    expect(await createChatModel(azure)).toBeInstanceOf(AzureChatOpenAI);
    expect(await createEmbeddingsProvider(azure)).toBeInstanceOf(AzureOpenAIEmbeddings);
    const ollama = testConfig({ LLM_PROVIDER: 'ollama', EMBEDDINGS_PROVIDER: 'ollama' });
    expect(await createChatModel(ollama)).toBeInstanceOf(ChatOllama);
    expect(await createEmbeddingsProvider(ollama)).toBeInstanceOf(OllamaEmbeddings);
    expect(await createEmbeddingsProvider(testConfig())).toBeNull();
    expect(await createEmbeddingsProvider(testConfig({ EMBEDDINGS_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-dummy' }))).toBeInstanceOf(OpenAIEmbeddings);
  });

  it('reports a missing Azure deployment as a typed error', async () => {
    const cfg = testConfig({ LLM_PROVIDER: 'azure', AZURE_OPENAI_API_KEY: 'dummy', AZURE_OPENAI_API_INSTANCE_NAME: 'inst' });
    await expect(createChatModel(cfg)).rejects.toThrow(ProviderConfigError);
  });
});
