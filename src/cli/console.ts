import { createInterface } from 'node:readline';
import { ask } from '../core/ask/ask.js';
import type { Actor } from '../core/ask/actor.js';
import type { Services } from '../app/services.js';
import { messageFor } from './exit.js';
import { replyJson, replyText } from './render.js';
import { askContext } from './session.js';

export interface ConsoleOptions {
  json: boolean;
  /** `--plan KEY`: every message is about this plan unless it names another. */
  planKey?: string | undefined;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * The interactive console. On a terminal it prompts; piped, it reads one message per line and
 * answers each in turn (with --json, one JSON object per line, written as soon as it is ready).
 */
export async function runConsole(services: Services, actor: Actor, options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = (input as NodeJS.ReadStream).isTTY === true && !options.json;
  const rl = createInterface({ input, ...(interactive ? { output, prompt: `${actor.name}> ` } : {}), terminal: interactive });
  if (interactive) {
    output.write(`Concerto console — speaking as ${actor.name}${actor.admin ? ' (admin)' : ''}. Type \`help\`, or \`exit\` to leave.\n`);
    rl.prompt();
  }
  for await (const line of rl) {
    const message = line.trim();
    if (interactive && /^(exit|quit|bye)$/i.test(message)) break;
    if (!message && interactive) {
      rl.prompt();
      continue;
    }
    try {
      const reply = await ask(askContext(services, actor, options.planKey), line);
      // Piped human-readable replies are separated by a blank line so multi-line answers stay apart.
      output.write(options.json ? `${replyJson(reply)}\n` : `${replyText(reply)}\n${interactive ? '' : '\n'}`);
    } catch (err) {
      // A failed turn (the database went away, say) is reported and the console carries on.
      const text = `Could not complete that: ${messageFor(err)}`;
      output.write(`${options.json ? JSON.stringify({ reply: text, items: [], awaiting: null }) : text}\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
