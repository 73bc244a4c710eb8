/**
 * Where a conversation lives: one per person per DM or slash-command channel, and one per person
 * per thread in a channel, so a multi-turn exchange in one thread does not capture answers elsewhere.
 */
export function conversationKeyOf(userId: string, channel: string | undefined, thread: string | undefined): string {
  return thread && !channel?.startsWith('D') ? `slack:${userId}:${channel}:${thread}` : `slack:${userId}:${channel ?? 'none'}`;
}
