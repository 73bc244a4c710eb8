import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../src/slack/slack-text.js';

describe('fromSlackText: Slack markup back to what the person saw', () => {
  it.each([
    ['R&amp;D plan agreed', 'R&D plan agreed'],
    ['a &lt;b&gt; c', 'a <b> c'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['ask <@U123|alice> please', 'ask @alice please'],
    ['ask <@U123>', 'ask @U123'],
    ['<!channel> and <!here>', '@channel and @here'],
    ['in <#C1|general>', 'in #general'],
    ['<https://docs.example/m1|docs.example/m1>', 'https://docs.example/m1'],
    ['<https://x.example/a>', 'https://x.example/a'],
    ['<https://evil.example|click me>', 'click me (https://evil.example)'],
    ['<mailto:a@b.example|a@b.example>', 'a@b.example'],
    ['<!subteam^S1|@board>', '@board'],
    ['plain text', 'plain text'],
  ])('%s → %s', (input, expected) => {
    expect(fromSlackText(input)).toBe(expected);
  });
});
