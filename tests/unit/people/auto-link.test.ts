import { describe, expect, it } from 'vitest';
import { autoLinkHolds, autoLinkTarget, membersByName, type Member } from '../../../src/core/people/auto-link.js';

/** Who Concerto links without an admin: a person owner, by full name, only when that name is one active member's alone. */

const OWNERS = ['Karen Georgiou', 'N. Shackleton', 'Portfolio Office', 'Chief Constables', 'Rachel Pope'];
const member = (id: string, realName: string | null, over: Partial<Member> = {}): Member => ({ id, realName, deleted: false, isBot: false, ...over });

describe('autoLinkTarget', () => {
  const directory = [
    member('U0KAREN01', 'Karen Georgiou'),
    member('U0NS00001', 'n shackleton'),
    member('U0PO00001', 'Portfolio Office'),
    member('U0RP00001', 'Rachel Pope'),
    member('U0RP00002', 'Rachel  Pope'),
    member('U0GONE001', 'Chief Constables', { deleted: true }),
    member('U0BOT0001', 'Karen Georgiou', { isBot: true }),
    member('U0NONAME1', null),
  ];
  const byName = membersByName(directory);

  it.each([
    ['a unique full name that is a person owner', 'U0KAREN01', 'Karen Georgiou'],
    ['the same name, punctuation and case aside', 'U0NS00001', 'N. Shackleton'],
    ['never a role, whoever is called "Portfolio Office"', 'U0PO00001', null],
    ['never a name two active members share', 'U0RP00001', null],
    ['…either of them', 'U0RP00002', null],
    ['never a deactivated member', 'U0GONE001', null],
    ['never a bot (nor does a bot make a name shared)', 'U0BOT0001', null],
    ['never without a full name', 'U0NONAME1', null],
  ])('%s', (_why, id, expected) => {
    expect(autoLinkTarget(directory.find((m) => m.id === id)!, OWNERS, byName)).toBe(expected);
  });

  it('a member the directory has not seen cannot claim a name another member holds', () => {
    expect(autoLinkTarget(member('U0NEW0001', 'Karen Georgiou'), OWNERS, byName)).toBeNull();
  });

  it('nothing when the name is no owner at all', () => {
    expect(autoLinkTarget(member('U0X000001', 'Alice Admin'), OWNERS, membersByName([member('U0X000001', 'Alice Admin')]))).toBeNull();
  });
});

describe('autoLinkHolds: an unconfirmed automatic link is undone when it would not be made today', () => {
  it.each([
    ['the full name still matches a person owner', member('U1', 'Karen Georgiou'), 'Karen Georgiou', true],
    ['made to a role by an earlier release', member('U1', 'Portfolio Office'), 'Portfolio Office', false],
    ['the member has changed their name', member('U1', 'Kay Green'), 'Karen Georgiou', false],
    ['the member has left', member('U1', 'Karen Georgiou', { deleted: true }), 'Karen Georgiou', false],
    ['the member is not in the directory', null, 'Karen Georgiou', false],
  ])('%s → %s', (_why, m, owner, holds) => {
    expect(autoLinkHolds(m, owner)).toBe(holds);
  });
});
