import { describe, expect, it } from 'vitest';
import { cleanText, escapeText, escapeTruncate, truncate } from '../../../src/slack/escape.js';

describe('escapeText', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here> <!everyone>', '&lt;!here&gt; &lt;!everyone&gt;'],
    ['<@U123|bob>', '&lt;@U123|bob&gt;'],
    ['<https://evil|click>', '&lt;https://evil|click&gt;'],
    ['Fish & chips', 'Fish &amp; chips'],
    ['&lt;', '&amp;lt;'],
    ['@here and @channel, @Everyone!', '@\u2060here and @\u2060channel, @\u2060Everyone!'],
    ['email me@herefordshire.gov.uk', 'email me@herefordshire.gov.uk'],
    ['abc\u202Edef\u2066x\u2069', 'abcdefx'],
    ['tab\tand\nnewline\u0000', 'tab\tand\nnewline'],
    ['👍🏽 `code` *bold*', '👍🏽 `code` *bold*'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('cleanText keeps < > & for plain_text but drops bidi controls', () => {
    expect(cleanText('<a & b>\u202E')).toBe('<a & b>');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts to max including the ellipsis', () => {
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('hello world', 7)).toBe('hello…');
    expect(truncate('abcdefghij', 5)).toHaveLength(5);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9])('never splits a surrogate pair or a skin-tone emoji (max %i)', (max) => {
    const out = truncate('👍🏽👍🏽👍🏽👍🏽', max);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.replace(/…$/, '')).toMatch(/^(👍🏽)*$/u);
  });

  it('supports a custom or empty ellipsis', () => {
    expect(truncate('abcdef', 3, '')).toBe('abc');
    expect(truncate('abcdef', 4, '...')).toBe('a...');
  });

  it('handles 100 KB quickly', () => {
    const out = truncate('x'.repeat(100_000), 3000);
    expect(out).toHaveLength(3000);
  });
});

describe('escapeTruncate', () => {
  it('never leaves half an entity', () => {
    for (let max = 1; max < 20; max++) {
      const out = escapeTruncate('a&b<c>d&e&f', max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});
