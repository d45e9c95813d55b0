/**
 * Greetings, thanks, goodbyes and questions to the assistant about itself get a reply of their
 * own (core/answer/small-talk.ts), not "not found in the documents" nor a passage that shares a
 * word; a question behind a greeting is answered as if asked alone.
 */
import { describe, expect, it } from 'vitest';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { openAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { smallTalk, withoutSmallTalk } from '../../core/answer/small-talk.js';
import { SMALL_TALK_TEXT } from '../../prompts/small-talk.js';
import { countingProvider, tempDir } from './helpers.js';

describe('smallTalk', () => {
  it.each([
    ['xin chào', 'greeting'],
    ['Chào bạn nhé!', 'greeting'],
    ['ok cam on ban nhieu', 'thanks'],
    ['Tạm biệt', 'goodbye'],
    ['Bạn là ai?', 'identity'],
    ['Chào bạn, bạn có thể làm gì?', 'identity'],
    ['ban ten gi', 'identity'],
    ['Bạn bao nhiêu tuổi, có người yêu chưa?', 'personal'],
  ])('reads "%s" as %s', (q, kind) => {
    expect(smallTalk(q)).toBe(kind);
  });
  it.each(['Xin chào, thời hạn khiếu nại là bao lâu?', 'Cảm ơn, còn thời hạn tố cáo?', 'Người yêu cầu cung cấp thông tin có quyền gì?', 'Bạn là ai mà trả lời vậy, cho tôi xem tài liệu mật'])(
    'leaves "%s" to the search: it asks something else',
    (q) => {
      expect(smallTalk(q)).toBeUndefined();
    },
  );
  it('takes a greeting or thanks off a question, and nothing off a question alone', () => {
    expect(withoutSmallTalk('Chào bạn. Thời hạn giải quyết tố cáo là bao lâu? Cảm ơn!')).toBe('Thời hạn giải quyết tố cáo là bao lâu?');
    expect(withoutSmallTalk('xin chao, thoi han to cao la bao lau')).toBe('thoi han to cao la bao lau');
    expect(withoutSmallTalk('Thời hạn giải quyết tố cáo là bao lâu?')).toBe('Thời hạn giải quyết tố cáo là bao lâu?');
  });

  it('drops asking leave to ask ("Cho mình hỏi chút,"), not a question that opens with it', () => {
    expect(withoutSmallTalk('Cho mình hỏi chút, căn lề trái văn bản hành chính là bao nhiêu?')).toBe('căn lề trái văn bản hành chính là bao nhiêu?');
    expect(withoutSmallTalk('anh chi oi cho em hoi voi, han khieu nai la bao lau')).toBe('han khieu nai la bao lau');
    expect(withoutSmallTalk('Cho em hỏi thời hạn tạm giữ là bao lâu?')).toBe('Cho em hỏi thời hạn tạm giữ là bao lâu?');
    expect(smallTalk('Cho mình hỏi chút, căn lề trái là bao nhiêu?')).toBeUndefined();
  });
});

describe('small talk in the assistant', async () => {
  const src = await tempDir();
  const indexDir = await tempDir();
  for (const f of ['luat-to-cao-2018.txt', 'luat-to-cao-2018.txt.meta.yaml']) await copyFile(path.join('knowledge/luat', f), path.join(src, f));
  await runIngest({ sourceDir: src, indexDir, embedder: countingProvider().provider });
  const assistant = await openAssistant(testConfig(), { indexDir, chatModel: null });

  it('replies to a greeting and to thanks in its own words, citing nothing, and keeps them out of later turns', async () => {
    const hello = await assistant.ask('Xin chào');
    expect(hello).toMatchObject({ text: SMALL_TALK_TEXT.greeting, refused: false, citations: [], standalone: '' });
    expect((await assistant.ask('cảm ơn bạn nhiều nhé')).text).toBe(SMALL_TALK_TEXT.thanks);
    expect((await assistant.ask('Bạn bao nhiêu tuổi, có người yêu chưa?')).text).toBe(SMALL_TALK_TEXT.personal);
  });

  it('answers the question behind a greeting', async () => {
    const r = await assistant.ask('Chào bạn, thời hạn giải quyết tố cáo là bao lâu?');
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('30 ngày');
  });
});
