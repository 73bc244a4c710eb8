import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask/ask.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { PlanInfo, PlanStore } from '../../src/core/ports.js';
import { StoreError } from '../../src/store/store-error.js';
import { admin, openAsk, owner, type AskHarness } from '../helpers/ask.js';

/**
 * A change that loses a race to another (the store refuses it under the row lock) is answered with the
 * store's sentence, whichever command made it — never an exception out of the engine.
 */
describe('a change that lost a race', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterAll(async () => h?.close());

  /** The turn's plan store, with every change refused as a concurrent change would be. */
  const racing = (ctx: AskContext): AskContext => {
    const plans = Object.create(ctx.plans) as AskContext['plans'];
    plans.store = (plan: PlanInfo): PlanStore => {
      const real = ctx.plans.store(plan);
      return Object.assign(Object.create(real) as PlanStore, {
        change: () => Promise.reject(new StoreError('conflict', '4.2.1 was changed a moment ago and is now Complete, so it cannot become Awaiting decision; nothing was saved.')),
      });
    };
    return { ...ctx, plans };
  };

  it.each([
    ['status 4.2.1 awaiting decision', admin()],
    ['update 4.2.1 Prioritised list circulated', owner('N. Shackleton')],
    ['date 4.2.1 end of March 2018', admin()],
  ])('%s → the sentence, as a reply', async (text, actor) => {
    const before = await h.count('audit_events');
    const reply = await ask(racing(h.context({ actor, conversationKey: `race:${text}` })), text);
    expect(reply.text).toMatch(/was changed a moment ago .* nothing was saved\./);
    expect(reply.error).toBe('invalid');
    expect(await h.count('audit_events')).toBe(before);
  });
});
