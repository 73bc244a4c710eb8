import { readDelivery } from '../../dates/read-delivery.js';
import type { Turn } from '../context.js';
import { describeWindow, formatDate } from '../format.js';
import { say, type Reply } from '../reply.js';

/** Shows how a date phrase would be read today, before anyone relies on it. */
export function answerWhen(turn: Turn, phrase: string): Reply {
  const read = readDelivery(phrase, { today: turn.today, timeZone: turn.timeZone });
  if (!read.ok) return say(read.error, { error: 'unreadable_date' });
  const w = read.window;
  if (w.precision === 'none') return say(`"${w.text}" means no date: the item is never counted as late until it is given one.`);
  return say(`"${w.text}" reads as ${describeWindow(w)} (${w.precision.replace('_', ' ')} precision, read on ${formatDate(turn.today)}). It is late only after ${formatDate(w.end!)}.`);
}
