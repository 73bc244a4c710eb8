import { z } from 'zod';
import { PRECISIONS } from '../../dates/delivery-window.js';
import { STATUSES } from '../../plan/status.js';

/** A pending exchange, as stored between messages. Parsed on load: an old or damaged state is dropped, not trusted. */

export const CONVERSATION_TTL_MINUTES = 60;

const Window = z.object({
  text: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  precision: z.enum(PRECISIONS),
});

export const UPDATE_STEPS = ['update_text', 'status', 'delivery_date', 'confirm_date'] as const;
export type UpdateStep = (typeof UPDATE_STEPS)[number];

export const UpdateState = z.object({
  flow: z.literal('update'),
  /** The plan the item is in (a conversation from before there were plans has none: the first plan). */
  planId: z.number().int().optional(),
  recId: z.string(),
  step: z.enum(UPDATE_STEPS),
  /** Steps answered so far, so `back` can return to the previous one. */
  trail: z.array(z.enum(UPDATE_STEPS)),
  text: z.string().nullable(),
  status: z.enum(STATUSES).nullable(),
  delivery: Window.nullable(),
  pendingDate: Window.nullable(),
});
export type UpdateState = z.infer<typeof UpdateState>;

export const ChooseOwnerState = z.object({
  flow: z.literal('choose_owner'),
  planId: z.number().int().optional(),
  /** What the pick fills in: an owner (the default, as saved by earlier releases) or a theme. */
  field: z.enum(['owner', 'theme']).optional(),
  options: z.array(z.string()),
  filter: z.record(z.string(), z.unknown()),
});
export type ChooseOwnerState = z.infer<typeof ChooseOwnerState>;

/** "Which plan?": the message that needed one, asked again in the plan picked. */
export const ChoosePlanState = z.object({
  flow: z.literal('choose_plan'),
  text: z.string(),
  options: z.array(z.string()),
});
export type ChoosePlanState = z.infer<typeof ChoosePlanState>;

export const ConversationState = z.discriminatedUnion('flow', [UpdateState, ChooseOwnerState, ChoosePlanState]);
export type ConversationState = z.infer<typeof ConversationState>;

export function expiresAt(now: Date): string {
  return new Date(now.getTime() + CONVERSATION_TTL_MINUTES * 60_000).toISOString();
}
