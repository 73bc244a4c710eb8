import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { paperToHtml } from '../../../src/report/html.js';
import { cssString } from '../../../src/report/html-style.js';
import { PLAN, rec, upd } from './fixtures.js';
import { current, t } from './scenario.js';

const NASTY = `<script>alert("x")</script> & 'quoted'`;

const html = await paperToHtml(
  buildBoardPaper(
    {
      plan: { ...PLAN, title: `Plan ${NASTY}` },
      recommendations: [rec('1.1', { theme: `Theme ${NASTY}`, text: `Text ${NASTY}`, owners: [`Owner ${NASTY}`], updates: [upd('2017-10-04', `Update ${NASTY}`)] })],
      events: [],
    },
    { asAt: '2017-10-04', producedOn: '2017-10-05' },
  ),
);

describe('the paper as HTML', () => {
  it('escapes every piece of text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(NASTY);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;';
    for (const what of ['Plan', 'Theme', 'Text', 'Owner', 'Update']) expect(html).toContain(`${what} ${escaped}`);
  });

  it('is a complete standalone page with the plan title, "As at" and the date produced', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<link|<script|src=/);
    expect(html).toContain('As at 4 October 2017');
    expect(html).toContain('Produced 5 October 2017');
    expect(html.trimEnd()).toMatch(/<\/html>$/);
  });

  it('prints on A4 landscape with the table header on every page and rows kept whole', () => {
    expect(html).toMatch(/@page\s*{[^}]*size: A4 landscape;/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/tr { break-inside: avoid;/);
    expect(html).toContain('print-color-adjust: exact');
    expect(html).toContain('<thead><tr><th scope="col">Recommendation No</th><th scope="col">Owner</th><th scope="col">Update</th><th scope="col">Delivery Date</th>');
  });

  it('puts the title and date at the top of every page after the first, escaped for CSS inside <style>', () => {
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('@top-left { content: "Plan \\3c script\\3e alert(\\22 x\\22 )');
    expect(cssString('a "b" \\ </style>\nc')).toBe('"a \\22 b\\22  \\5c  \\3c /style\\3e \\a c"');
  });

  it('heads each theme like the original, and carries the key, the summary and the RAG of each row', () => {
    expect(html).toContain('<tr class="theme"><th colspan="6" scope="rowgroup">Theme &lt;script&gt;');
    expect(html).toContain('<h2>Key</h2>');
    expect(html).toContain('overdue, or awaiting a decision past its delivery date');
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<span class="rag rag-red">Red</span>');
    expect(html).toContain('<span class="date">04/10/2017:</span>');
  });

  it('adds the changed-since section when asked, and shows a revised date beside its baseline', async () => {
    const page = await paperToHtml(buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-12', producedOn: '2017-10-12', since: '2017-10-09' }));
    expect(page).toContain('<h2>Changed since 9 October 2017</h2>');
    expect(page).toContain('<li><strong>4.2.1</strong> On-going → Awaiting decision (12/10/2017, N. Shackleton)</li>');
    expect(page).toContain('<span class="text">Q1 2018</span><span class="baseline">Baseline: Autumn 2017</span>');
  });
});
