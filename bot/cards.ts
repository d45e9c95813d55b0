/**
 * Rendering an assistant reply as Bot Framework activities. Pure: the same
 * reply always gives the same activity, so tests need no adapter.
 *
 * Every answer's `text` carries the answer and a "Nguồn:" list, so a channel
 * that renders neither cards nor entities still shows the sources. On top of that:
 * - Teams: citation entities (schema.org Message/Claim) and the feedback loop;
 * - other channels: an Adaptive Card listing the sources with 👍/👎 buttons.
 */
import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { AssistantReply } from '../core/assistant.js';
import type { Citation } from '../core/types.js';
import { fold } from '../core/text.js';
import { TABLE_ROW, TABLE_RULE } from '../core/answer/units.js';
import * as T from '../prompts/bot.js';
import { FEEDBACK_ACTION } from './feedback.js';

export const TEAMS_CHANNEL = 'msteams';

function imBack(text: string): CardAction {
  return { type: ActionTypes.ImBack, title: text, value: text };
}

export function welcomeActivity(): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: T.WELCOME_TEXT,
    suggestedActions: { actions: T.EXAMPLE_QUESTIONS.map(imBack), to: [] },
  };
}

/** "221/KH-VKSTC — Kế hoạch ..." without repeating a number the title already holds. */
export function citationLabel(c: Citation): string {
  const title = c.title?.trim() || c.source;
  if (c.number && !fold(title).includes(fold(c.number))) return `${c.number} — ${title}`;
  return title;
}

export function citationLine(c: Citation, position: number): string {
  const parts = [`[${position}] ${citationLabel(c)}`];
  if (c.locator) parts.push(c.locator);
  let line = parts.join(', ');
  if (c.superseded) line += ` (${T.SUPERSEDED_NOTE(c.superseded)})`;
  return line;
}

/** Suggested follow-ups from the first cited document that has a number (or title). */
export function followUpQuestions(reply: AssistantReply): string[] {
  if (reply.refused || reply.citations.length === 0) return [];
  const first = reply.citations.find((c) => c.number) ?? reply.citations[0];
  const doc = first.number ?? first.title;
  if (!doc) return [];
  return [T.FOLLOW_UP_MORE(doc), T.FOLLOW_UP_EFFECTIVE(doc)];
}

const SOURCES_LINE = /^\s*[*_]*ngu[oồ]n( tr[ií]ch d[aẫ]n)?[*_]*\s*:?\s*[*_]*\s*$/i;
const LIST_ITEM = /^\s*(?:[-*•+]|\d+[.)]|\[\d+\])\s+/;

/**
 * Drop a sources list the composer may already have written ("Nguồn:" then list
 * items), so the answer shows one numbered list whose [n] match the citations.
 */
export function stripSourcesSection(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SOURCES_LINE.test(lines[i].normalize('NFC'))) {
      out.push(lines[i]);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (lines[j].trim() === '' || LIST_ITEM.test(lines[j]))) j++;
    i = j - 1;
  }
  return out.join('\n').trim();
}

export function answerText(reply: AssistantReply): string {
  const text = reply.citations.length ? stripSourcesSection(reply.text) : reply.text.trim();
  const body = text || (reply.refused ? '' : T.ABSTAIN_FALLBACK);
  if (reply.refused || reply.citations.length === 0) return body;
  const sources = reply.citations.map((c, i) => `- ${citationLine(c, i + 1)}`).join('\n');
  return `${body}\n\n${T.SOURCES_HEADING}\n\n${sources}`;
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

/** Teams "AI-generated content" citation entity; limits per the Teams docs (name 80, abstract 160, 3 keywords of 28). */
export function teamsCitationEntity(citations: Citation[]) {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    citation: citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(citationLabel(c), 80),
        abstract: clip([c.locator, c.superseded ? T.SUPERSEDED_NOTE(c.superseded) : undefined, c.source].filter(Boolean).join(' · '), 160),
        ...(c.number ? { keywords: [clip(c.number, 28)] } : {}),
      },
    })),
  };
}

export interface FeedbackRef {
  answerId: string;
  questionId?: string;
}

export function sourcesCard(reply: AssistantReply, ref: FeedbackRef) {
  const sourceBlocks = reply.citations.map((c, i) => ({
    type: 'Container',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: `[${i + 1}] ${citationLabel(c)}`, wrap: true, weight: 'Bolder', size: 'Small' },
      ...(c.locator ? [{ type: 'TextBlock', text: c.locator, wrap: true, size: 'Small', spacing: 'None' }] : []),
      ...(c.superseded
        ? [{ type: 'TextBlock', text: T.SUPERSEDED_NOTE(c.superseded), wrap: true, size: 'Small', color: 'Warning', spacing: 'None' }]
        : []),
      { type: 'TextBlock', text: c.source, wrap: true, size: 'Small', isSubtle: true, spacing: 'None' },
    ],
  }));
  const data = (reaction: 'like' | 'dislike') => ({ action: FEEDBACK_ACTION, reaction, ...ref });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: sourceBlocks.length
      ? [{ type: 'TextBlock', text: T.CARD_SOURCES_TITLE, weight: 'Bolder', wrap: true }, ...sourceBlocks]
      : [],
    actions: [
      { type: 'Action.Submit', title: T.FEEDBACK_LIKE, data: data('like') },
      {
        type: 'Action.ShowCard',
        title: T.FEEDBACK_DISLIKE,
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'comment', isMultiline: true, placeholder: T.FEEDBACK_COMMENT_PLACEHOLDER, maxLength: 2000 }],
          actions: [{ type: 'Action.Submit', title: T.FEEDBACK_SEND, data: data('dislike') }],
        },
      },
    ],
  };
}

/**
 * Teams text messages do not render Markdown tables: each row becomes a line of its non-empty
 * cells ("Tờ trình — TTr"), the header in bold, the rule under it dropped. Other channels keep the table.
 */
export function tablesAsLines(text: string): string {
  const lines = text.split('\n');
  return lines
    .flatMap((line, i) => {
      const row = TABLE_ROW.exec(line.trim());
      if (!row) return [line];
      if (TABLE_RULE.test(line.trim())) return [];
      const cells = row[1].split('|').map((c) => c.trim()).filter(Boolean);
      if (!cells.length) return [];
      const joined = cells.join(' — ');
      return [TABLE_RULE.test(lines[i + 1]?.trim() ?? '') ? `**${joined}**` : `- ${joined}`];
    })
    .join('\n');
}

export function answerActivity(reply: AssistantReply, channelId: string, ref: FeedbackRef): Partial<Activity> {
  const followUps = followUpQuestions(reply);
  let text = channelId === TEAMS_CHANNEL ? tablesAsLines(answerText(reply)) : answerText(reply);
  if (followUps.length) text += `\n\n${T.FOLLOW_UP_PROMPT}`;
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: 'markdown' };
  if (followUps.length) activity.suggestedActions = { actions: followUps.map(imBack), to: [] };

  if (channelId === TEAMS_CHANNEL) {
    activity.channelData = { feedbackLoopEnabled: true };
    if (reply.citations.length) activity.entities = [teamsCitationEntity(reply.citations) as never];
    return activity;
  }
  if (!reply.refused) activity.attachments = [CardFactory.adaptiveCard(sourcesCard(reply, ref))];
  return activity;
}
