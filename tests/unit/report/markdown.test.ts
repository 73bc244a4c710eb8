import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { paperToMarkdown } from '../../../src/report/markdown.js';
import { mdText } from '../../../src/report/markdown-text.js';
import { PLAN } from './fixtures.js';
import { current, t } from './scenario.js';

describe('the paper as Markdown', () => {
  const md = paperToMarkdown(buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-12', producedOn: '2017-10-13', since: '2017-10-09' }));

  it('has the header, key, summary, changes and one block per recommendation under its theme', () => {
    expect(md).toContain('# Concerto Action Plan\n\n**As at 12 October 2017** · produced 13 October 2017');
    expect(md).toContain('- **Red**: overdue, or awaiting a decision past its delivery date');
    expect(md).toContain('| **All themes** | 0 | 1 | 1 | 1 | 0 | 3 | 1 |');
    expect(md).toContain('## Changed since 9 October 2017');
    expect(md).toContain('- **5.2** Complete (11/10/2017, N. Shackleton)');
    expect(md).toContain('### Governance\n\n#### 4.2.1 · Awaiting decision');
    expect(md).toContain('- **Delivery date:** Q1 2018 (baseline: Autumn 2017)');
    expect(md).toContain('  - 10/10/2017: Prioritised plan circulated');
  });

  it.each([
    ['<b>bold</b> *x* _y_ [z](u)', '\\<b\\>bold\\</b\\> \\*x\\* \\_y\\_ \\[z\\](u)'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['- not a bullet\n2) nor this', '\\- not a bullet  \n2\\) nor this'],
    ['4.2.1: plain – text', '4.2.1: plain – text'],
  ])('escapes %j', (text, out) => {
    expect(mdText(text)).toBe(out);
  });
});
