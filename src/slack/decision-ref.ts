import { itemRef, readItemRef } from './item-ref.js';

/**
 * A decision message's button value: the item (with its plan, as item-ref.ts writes it) and the
 * decision: "concerto-2017/1.1#7". Neither a plan key nor an item number holds a "#".
 */
export function decisionRef(r: { plan: string; id: string; decision: number }): string {
  return `${itemRef({ id: r.id, plan: r.plan })}#${r.decision}`;
}

/** The item and decision a button names; decision is null when the value is not one of ours. */
export function readDecisionRef(value: string | undefined): { id: string; plan?: string; decision: number | null } {
  const v = value ?? '';
  const hash = v.lastIndexOf('#');
  const number = hash > 0 ? v.slice(hash + 1) : '';
  const decision = /^\d{1,12}$/.test(number) ? Number(number) : null;
  return { ...readItemRef(hash > 0 ? v.slice(0, hash) : v), decision };
}
