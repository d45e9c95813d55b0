/**
 * Shape checks on an inbound activity before it reaches the adapter: a bad
 * request gets a 400 with a reason instead of an exception deep in botbuilder.
 */
import { z } from 'zod';

const account = z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough();

const base = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().max(128).optional(),
    text: z.string().optional(),
    serviceUrl: z.string().optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: z.object({ id: z.string().min(1) }).passthrough().optional(),
    entities: z.array(z.record(z.string(), z.unknown())).optional(),
    attachments: z.array(z.record(z.string(), z.unknown())).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    deliveryMode: z.string().optional(),
    name: z.string().optional(),
  })
  .passthrough();

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'serviceUrl must be http(s)');

/** Activities the bot answers through the channel need somewhere to answer. */
const conversational = z.object({
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  from: account,
  serviceUrl: httpUrl,
});

export type ActivityCheck = { ok: true } | { ok: false; reason: string };

export function checkActivity(body: unknown): ActivityCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'body must be a JSON object' };
  const parsed = base.safeParse(body);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error) };
  const { type } = parsed.data;
  if (type === 'message' || type === 'conversationUpdate' || type === 'invoke') {
    const needs = conversational.safeParse(body);
    if (!needs.success) return { ok: false, reason: describe(needs.error) };
  }
  return { ok: true };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
