/**
 * Print first: A4 landscape, the table header repeated on every page, rows kept whole where they fit,
 * colours printed as shown (browsers drop backgrounds when printing unless told otherwise), and, like
 * the original, the paper's name and date at the top of every page after the first.
 */
export function paperCss(runningHead: string): string {
  return `
@page {
  size: A4 landscape;
  margin: 14mm 10mm 14mm 10mm;
  @top-left { content: ${cssString(runningHead)}; font: 8pt Arial, Helvetica, sans-serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #444; }
}
@page :first { @top-left { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 277mm; font: 9pt/1.35 "Liberation Sans", Arial, Helvetica, sans-serif; color: #000; }
header.paper { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #1f3864; margin-bottom: 4mm; padding-bottom: 2mm; }
header.paper h1 { font-size: 16pt; margin: 0; color: #1f3864; }
header.paper .as-at { font-size: 12pt; font-weight: bold; margin: 1mm 0 0; }
header.paper .produced { margin: 0; color: #444; text-align: right; }
h2 { font-size: 11pt; color: #1f3864; margin: 5mm 0 2mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
.front { display: flex; gap: 8mm; align-items: flex-start; break-inside: avoid; }
.front > section { flex: 1 1 auto; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #7f7f7f; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
thead th { background: #1f3864; color: #fff; }
td.n, th.n { text-align: right; }
table.plan tr.theme th { background: #d9e2f3; color: #1f3864; font-size: 10pt; break-after: avoid; page-break-after: avoid; }
table.plan .id { font-weight: bold; }
.text { white-space: pre-line; }
.update + .update { margin-top: 2mm; }
.update .date { font-weight: bold; }
.baseline, .priority { display: block; margin-top: 1mm; color: #444; font-style: italic; }
.overdue { display: block; margin-top: 1mm; font-weight: bold; color: #c00000; }
.rag { display: inline-block; min-width: 12mm; padding: 0.3mm 1.5mm; border-radius: 1mm; font-weight: bold; text-align: center; }
.rag-red { background: #a50000; color: #fff; }
.rag-amber { background: #ffc000; color: #000; }
.rag-green { background: #33b35a; color: #000; }
.rag-grey { background: #f2f2f2; color: #000; border: 0.5pt solid #404040; }
.rag-reason { display: block; font-size: 8pt; color: #444; margin-top: 0.5mm; }
.chart-row { display: flex; gap: 6mm; align-items: flex-start; }
figure.chart { flex: 1 1 0; margin: 0; min-width: 0; }
figure.chart figcaption { font-weight: bold; color: #1f3864; margin-bottom: 1mm; }
figure.chart .svg { break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; display: block; }
table.numbers { font-size: 7.5pt; margin-top: 2mm; }
table.numbers caption { caption-side: top; text-align: left; color: #444; padding-bottom: 1mm; }
table.numbers th, table.numbers td { padding: 0.5mm 1mm; }
table.numbers tbody th { font-weight: normal; background: none; color: #000; }
ul.changes { margin: 0 0 2mm; padding-left: 5mm; }
ul.changes li { break-inside: avoid; white-space: pre-line; }
table.decisions { margin-bottom: 3mm; }
table.decisions tr { break-inside: avoid; }
table.decisions .text { white-space: pre-line; }
table.decisions .corrects { display: block; font-style: italic; color: #404040; margin-top: 1mm; }
ul.waiting { margin: 0 0 2mm; padding-left: 5mm; }
ul.waiting li { break-inside: avoid; }
p.meeting { font-weight: bold; color: #1f3864; margin: 1mm 0 0; }
col.c-rec { width: 27%; } col.c-owner { width: 12%; } col.c-update { width: 37%; }
col.c-date { width: 9%; } col.c-status { width: 8%; } col.c-rag { width: 7%; }
@media screen { body { padding: 8mm; } }
`;
}

/** A CSS string literal that cannot end the string, the rule or the <style> element it sits in. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
