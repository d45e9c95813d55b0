import { describe, expect, it } from 'vitest';
import { answerActivity, answerText, citationLabel, stripSourcesSection } from '../../bot/cards.js';
import type { AssistantReply } from '../../core/assistant.js';
import { SOURCES_HEADING } from '../../prompts/bot.js';
import { FAKE_CITATIONS } from './fake-assistant.js';

const reply = (text: string, extra: Partial<AssistantReply> = {}): AssistantReply => ({
  id: 'a1', standalone: 'q', text, refused: false, abstained: false, citations: FAKE_CITATIONS, ms: 1, ...extra,
});

describe('answer rendering', () => {
  it('keeps a single numbered sources list when the composer already wrote one', () => {
    const text = answerText(reply('Theo Điều 33 Luật Khiếu nại:\n\n1. Trong thời hạn 30 ngày...\n\nNguồn:\n\n- Luật Khiếu nại (02/2011/QH13), Điều 33\n\nLưu ý: văn bản đã được thay thế.'));
    expect(text.split(SOURCES_HEADING)).toHaveLength(2);
    expect(text).toContain('1. Trong thời hạn 30 ngày');
    expect(text).toContain('Lưu ý: văn bản đã được thay thế.');
    expect(text).toContain('[1] 221/KH-VKSTC');
    expect(text).toContain('[2] 02/2011/QH13');
  });

  it('leaves text without a sources heading alone, including lines that merely mention sources', () => {
    const body = 'Nguồn kinh phí thực hiện: ngân sách nhà nước.\n- mục a';
    expect(stripSourcesSection(body)).toBe(body);
  });

  it('does not repeat a document number the title already holds', () => {
    expect(citationLabel({ source: 's', title: 'Kế hoạch 221/KH-VKSTC', number: '221/KH-VKSTC' })).toBe('Kế hoạch 221/KH-VKSTC');
    expect(citationLabel({ source: 's', title: 'Luật Khiếu nại', number: '02/2011/QH13' })).toBe('02/2011/QH13 — Luật Khiếu nại');
  });

  it('clips Teams citation fields to the documented limits', () => {
    const long = { source: 'x'.repeat(300), title: 'T'.repeat(200), number: 'N'.repeat(40), locator: 'L'.repeat(300) };
    const activity = answerActivity(reply('a', { citations: [long] }), 'msteams', { answerId: 'a1' });
    const appearance = (activity.entities![0] as any).citation[0].appearance;
    expect(appearance.name.length).toBeLessThanOrEqual(80);
    expect(appearance.abstract.length).toBeLessThanOrEqual(160);
    expect(appearance.keywords[0].length).toBeLessThanOrEqual(28);
  });
});

describe('tables in Teams', () => {
  const table = 'Theo Phụ lục III:\n| STT | Tên loại văn bản | Chữ viết tắt |\n| --- | --- | --- |\n|  | Tờ trình | TTr |\n|  | Bản sao y | SY |';
  it('writes a table as lines in Teams, which renders no Markdown table', () => {
    const text = answerActivity(reply(table), 'msteams', { answerId: 'a1' }).text!;
    expect(text).toContain('**STT — Tên loại văn bản — Chữ viết tắt**\n- Tờ trình — TTr\n- Bản sao y — SY');
    expect(text).not.toContain('| --- |');
  });
  it('keeps the table for web chat, which renders it', () => {
    expect(answerActivity(reply(table), 'directline', { answerId: 'a1' }).text).toContain('|  | Tờ trình | TTr |');
  });
});
