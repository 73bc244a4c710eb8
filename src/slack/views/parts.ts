import type { Button, ContextBlock, InputBlock, PlainText, SectionBlock } from '../block-kit.js';
import { LIMITS } from '../block-kit.js';
import { cleanText, truncate } from '../escape.js';

/** Small constructors shared by the views. Text passed in is already escaped mrkdwn, or raw for plain_text. */

export const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: truncate(cleanText(text), max) || ' ', emoji: true });

export const section = (mrkdwn: string, accessory?: Button): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: mrkdwn },
  ...(accessory ? { accessory } : {}),
});

export const context = (...mrkdwn: string[]): ContextBlock => ({
  type: 'context',
  elements: mrkdwn.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text })),
});

export const button = (action_id: string, text: string, value: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  action_id,
  text: plain(text, LIMITS.buttonText),
  value,
  ...extra,
});

/** A modal's input block: its label, the element, optional or not, and a hint under it. */
export const input = (block_id: string, label: string, element: InputBlock['element'], optional = false, hint?: string): InputBlock => ({
  type: 'input',
  block_id,
  label: plain(label, LIMITS.label),
  element,
  optional,
  ...(hint ? { hint: plain(hint, LIMITS.label) } : {}),
});

/** Field errors for a modal's `response_action: 'errors'`: each field's sentence under its input block. */
export function fieldErrors<F extends string>(blocks: Readonly<Record<F, string>>, errors: Partial<Record<F, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as Array<[F, string | undefined]>) {
    if (message) out[blocks[field]] = truncate(message, 2000);
  }
  return out;
}

/**
 * Splits escaped mrkdwn into section-sized chunks on line boundaries; a single over-long line is cut hard
 * (never inside an entity or a grapheme).
 */
export function splitLines(text: string, max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (let line of text.split('\n')) {
    while (line.length > max) {
      if (current) chunks.push(current);
      current = '';
      const head = hardCut(line, max);
      chunks.push(head);
      line = line.slice(head.length);
    }
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > max) {
      chunks.push(current);
      current = line;
    } else current = joined;
  }
  if (current) chunks.push(current);
  return chunks.filter((c) => c.trim().length > 0);
}

function hardCut(line: string, max: number): string {
  const cut = truncate(line, max, '');
  const safe = cut.replace(/&[a-z]{0,3}$/, '');
  return safe || line.slice(0, max);
}
