import { describe, expect, it } from 'vitest';
import { ownerKind } from '../../src/core/plan/owners.js';

/** Owners are people or roles; a role is never auto-linked to a Slack member by name, and "list the people" leaves it out. */
describe('ownerKind', () => {
  it.each([
    // The seed's own owners.
    ['Karen Georgiou', 'person'],
    ['N. Shackleton', 'person'],
    ['Alison Roome-Gifford', 'person'],
    ['Portfolio Office', 'role'],
    ['SRO – Organisational Support', 'role'],
    ['Lead CC’s/ BAU Heads of Service', 'role'],
    ['Force CFO’s', 'role'],
    // Titles audit and inspection trackers use.
    ['HR Business Partner', 'role'],
    ['Finance Business Partner', 'role'],
    ['Head of Procurement', 'role'],
    ['Programme Manager', 'role'],
    ['Director of Finance', 'role'],
    ['Information Security Officer', 'role'],
    ['Deputy Chief Constable', 'role'],
    ['Estates', 'role'],
    ['PMO', 'role'],
    ['Kit Harington', 'person'],
    ['Dan Partridge', 'person'],
  ] as const)('%s is a %s', (name, kind) => {
    expect(ownerKind(name)).toBe(kind);
  });
});
