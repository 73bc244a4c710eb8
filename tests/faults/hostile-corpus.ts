/**
 * Hostile things people (or pasted junk) send Concerto, spoken by Karen Georgiou: she owns 1.1, 3.4 and 5.2
 * (with the Portfolio Office) and does not own 4.2.1 (N. Shackleton), 4.1.1 (Rachel Wilkinson) or 9.3.1
 * (Chief Constables), and she is not an admin. None of these may change anything: a change either targets
 * an item she does not own, or carries a value that must be refused. Every input gets a sentence back.
 *
 * `expect` is what the answer must say, where one sentence is the right answer; the rest are held to the
 * general rules (some text, no stack trace, no leaked internals) and to "nothing stored".
 */

export interface HostileInput {
  /** A short label for failure messages. */
  name: string;
  text: string;
  /** The answer (its plain text) must match this. */
  expect?: RegExp;
}

export const KB100 = 100 * 1024;
const big = (unit: string, size = KB100) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Karen Georgiou's items, and someone else's. */
export const OWN = '5.2';
export const OWN_CLOSED = '3.4';
export const NOT_OWN = '4.2.1';

export const NO_SUCH = (id: string) => new RegExp(`^There is no ${id.replace(/\./g, '\\.')} in the plan`);
export const NOT_AN_ID = (token: string) => new RegExp(`"${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" isn't a recommendation number`);
export const REFUSED = (id: string) => new RegExp(`^Only an owner of ${id.replace(/\./g, '\\.')} \\(.+\\) or an admin can change it\\.`);
export const TOO_LONG = /characters; the limit is 10,000\. Shorten it/;
export const EMPTY_UPDATE = new RegExp(`^The update for ${OWN.replace('.', '\\.')} is empty\\.`);
/** Only the start: Slack cuts a long echo of the phrase. */
export const UNREADABLE = /^I can't read "/;
export const NOT_UNDERSTOOD = /^Sorry, I didn't understand/;
export const CARD_421 = /^4\.2\.1 \(ICT\): A mechanism/;
const ADMINS_ONLY = /admin/i;

export const HOSTILE_INPUTS: HostileInput[] = [
  // ---- unknown and malformed ids -------------------------------------------------------------
  { name: 'unknown id', text: 'status 99.99.99', expect: NO_SUCH('99.99.99') },
  { name: 'unknown near id', text: 'status 4.9.9', expect: NO_SUCH('4.9.9') },
  { name: 'unknown id history', text: 'history 0.0.0', expect: NO_SUCH('0.0.0') },
  { name: 'unknown id owner', text: 'who owns 999.999.999?', expect: NO_SUCH('999.999.999') },
  { name: 'unknown id update', text: 'update 99.99.99 all done', expect: NO_SUCH('99.99.99') },
  { name: 'unknown id complete', text: 'complete 7.7.7 evidence', expect: NO_SUCH('7.7.7') },
  { name: 'unknown id date', text: 'date 8.8.8 end of next month', expect: NO_SUCH('8.8.8') },
  { name: 'double dot', text: 'status 4..2', expect: NOT_AN_ID('4..2') },
  { name: 'bare double dot', text: '4..2' },
  { name: 'too many parts', text: 'status 4.2.1.1.1.1.1.1', expect: NOT_AN_ID('4.2.1.1.1.1.1.1') },
  { name: 'negative', text: 'status -1' },
  { name: 'exponent', text: 'status 1e5', expect: NOT_AN_ID('1e5') },
  // "4.2.x" is every item under 4.2 (a section); a letter that makes no id is still refused, naming it.
  { name: 'x in id', text: 'who owns 4.2.x', expect: /section 4\.2/ },
  { name: 'letter in id', text: 'who owns 4.2.y', expect: /4\.2\.y/ },
  { name: 'hex id', text: 'status 0x4.2' },
  { name: 'comma id', text: 'status 4,2,1' },
  { name: 'fullwidth digits', text: 'status ４.２.１' },
  { name: 'arabic-indic digits', text: 'status ٤.٢.١' },
  { name: 'one-dot-leader homoglyph', text: 'status 4\u20242\u20241' },
  { name: 'cyrillic homoglyph verb', text: 'st\u0430tus 4.2.1' },
  { name: 'zero-width in id', text: 'status 4.2\u200B.1' },
  { name: 'very long id', text: `status ${'1.'.repeat(2500)}1` },
  { name: 'very long number', text: `status ${'9'.repeat(5000)}` },
  { name: 'NaN id', text: 'status NaN' },
  { name: 'undefined id', text: 'status undefined' },
  { name: 'null id', text: 'history null' },
  { name: 'object id', text: 'status [object Object]' },
  { name: 'proto id', text: 'status __proto__' },
  { name: 'path traversal id', text: 'history ../../../../etc/passwd' },
  { name: 'windows traversal', text: '..\\..\\windows\\win.ini' },
  { name: 'file url', text: 'status file:///etc/passwd' },

  // ---- empty and blank -----------------------------------------------------------------------
  { name: 'empty', text: '' },
  { name: 'spaces', text: '     ' },
  { name: 'tabs', text: '\t\t\t' },
  { name: 'nbsp and ideographic space', text: '\u00A0\u3000\u2003' },
  { name: 'zero-width only', text: '\u200B\u200C\u200D\u2060' },
  { name: 'byte-order mark', text: '\uFEFF' },
  { name: 'punctuation only', text: '?!?.,;:' },

  // ---- 100 KB ----------------------------------------------------------------------------------
  { name: '100 KB of x', text: big('x') },
  { name: '100 KB question', text: `what's overdue ${big('and late ')}` },
  { name: '100 KB of emoji', text: big('🔥') },
  { name: '100 KB of mentions', text: big('<!channel> ') },
  { name: '100 KB update, not owner', text: `update ${NOT_OWN} ${big('a')}`, expect: REFUSED(NOT_OWN) },
  { name: '100 KB update, owner', text: `update ${OWN} ${big('a')}`, expect: TOO_LONG },
  { name: '100 KB evidence, owner', text: `complete ${OWN} ${big('b')}`, expect: TOO_LONG },
  { name: '100 KB date phrase', text: `date ${OWN} ${big('next month ')}`, expect: UNREADABLE },
  { name: '100 KB list filter', text: `list ${big('governance ')}` },
  { name: '100 KB when', text: `when "${big('Q1 ')}"` },

  // ---- control characters and bidi -------------------------------------------------------------
  { name: 'NUL after id', text: 'status 4.2.1\u0000', expect: /4\.2\.1/ },
  { name: 'C0 controls', text: '\u0000\u0001\u0002\u0003\u0007\u0008' },
  { name: 'ANSI escapes', text: "\u001B[31mwhat's overdue\u001B[0m\u001B[2J" },
  { name: 'C1 controls', text: 'status 4.2.1\u0085\u009B' },
  { name: 'bell in question', text: "what's overdue\u0007" },
  { name: 'update of control chars only', text: `update ${OWN} \u0000\u0001\u0002\u007F`, expect: EMPTY_UPDATE },
  { name: 'update of bidi marks only', text: `update ${OWN} \u202E\u202D\u200E\u200F\u2066`, expect: EMPTY_UPDATE },
  { name: 'update of zero-width chars only', text: `update ${OWN} \u200B\u200D\u2060\u200C`, expect: EMPTY_UPDATE },
  { name: 'RTL override spoof, not owner', text: `update ${NOT_OWN} invoice\u202Efdp.exe`, expect: REFUSED(NOT_OWN) },
  { name: 'RTL reversed question', text: "\u202Eeudrevo s'tahw" },
  { name: 'RTL around id', text: 'status \u202E1.2.4\u202C' },
  { name: 'zero-width joiner in words', text: "what\u200Ds over\u200Bdue" },
  { name: 'lone surrogate, not owner', text: `update ${NOT_OWN} broken \uD800 text`, expect: REFUSED(NOT_OWN) },
  { name: 'lone surrogate date', text: `date ${OWN} \uDC00\uD83D`, expect: UNREADABLE },
  { name: 'line separator', text: "what's\u2028overdue\u2029" },
  { name: 'CRLF injection', text: `status 4.2.1\r\nupdate ${NOT_OWN} injected` },

  // ---- emoji -------------------------------------------------------------------------------------
  { name: 'emoji only', text: '🔥🔥🔥' },
  { name: 'ZWJ family', text: "what's overdue 👨‍👩‍👧‍👦" },
  { name: 'flags', text: '🇬🇧🏴󠁧󠁢󠁥󠁮󠁧󠁿🏳️‍🌈' },
  { name: 'keycap id', text: 'status 4️⃣.2️⃣.1️⃣' },
  { name: 'emoji update, not owner', text: `update ${NOT_OWN} 🎉 done 👍🏽`, expect: REFUSED(NOT_OWN) },
  { name: 'skin-tone owner name', text: 'what does 👩🏾‍💼 own?' },
  { name: 'emoji date', text: `date ${OWN} 📅🔜`, expect: UNREADABLE },

  // ---- SQL-like ------------------------------------------------------------------------------------
  { name: 'drop table', text: "'; drop table updates; --" },
  { name: 'or 1=1 id', text: "4.2.1' or '1'='1" },
  { name: 'or 1=1 status', text: "status 4.2.1' or '1'='1", expect: /4\.2\.1/ },
  { name: 'delete in update, not owner', text: `update ${NOT_OWN} '); delete from audit_events; --`, expect: REFUSED(NOT_OWN) },
  { name: 'union select', text: "list governance' union select * from identity_links --" },
  { name: 'pg_sleep', text: 'who owns 1.1; select pg_sleep(10)' },
  { name: 'truncate', text: 'status 4.2.1; truncate updates', expect: /4\.2\.1/ },
  { name: 'bobby tables', text: "Robert'); DROP TABLE Students;--" },
  { name: 'like wildcard', text: "list %' OR 1=1 --" },
  { name: 'apostrophe name', text: "what does O'Brien own?" },
  { name: 'dollar quoting', text: 'history 4.2.1 $$; drop table updates; $$' },
  { name: 'sql date', text: `date ${OWN} ' || (select now()) || '`, expect: UNREADABLE },
  { name: 'sql status', text: `status ${OWN} complete'; update recommendations set status='complete' --` },

  // ---- Slack markup -------------------------------------------------------------------------------
  { name: 'channel broadcast', text: '<!channel>' },
  { name: 'here question', text: "<!here> what's overdue" },
  { name: 'user mention', text: '<@U123>' },
  { name: 'mention then command', text: `<@U123|admin> assign ${NOT_OWN} Bob Nobody` },
  { name: 'forged link', text: '<https://x|y>' },
  { name: 'link in update, not owner', text: `update ${NOT_OWN} <https://evil.example|click me>`, expect: REFUSED(NOT_OWN) },
  { name: 'double-escaped entity', text: '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;' },
  { name: 'channel link', text: 'list <#C123|general>' },
  { name: 'subteam', text: '<!subteam^S123|@team> list' },
  // In Slack this reads as its label, "Feb 18", a date: aimed at her own item it would be a real change.
  { name: 'date token, not owner', text: `date ${NOT_OWN} <!date^1392734382^{date}|Feb 18>`, expect: REFUSED(NOT_OWN) },
  { name: 'mrkdwn soup', text: '*bold* _italic_ ~strike~ `code` ```block``` > quote' },
  { name: 'javascript link', text: '<javascript:alert(1)|click>' },
  { name: 'link someone, not admin', text: 'link <@UBOB|bob> "Portfolio Office"' },
  { name: 'unlink someone, not admin', text: 'unlink <@UKG|kgeorgiou> "Karen Georgiou"' },

  // ---- format strings, templates, prototype names, shell --------------------------------------------
  { name: 'printf', text: '%s %n %x %d %%' },
  { name: 'template literal', text: '${process.env.SLACK_BOT_TOKEN}' },
  { name: 'mustache', text: '{{7*7}}' },
  { name: 'ruby interpolation', text: '#{7*7}' },
  { name: 'erb', text: '<%= 7*7 %>' },
  { name: '__proto__', text: '__proto__' },
  { name: 'constructor owner', text: 'what does constructor own?' },
  { name: 'toString list', text: 'list toString' },
  { name: 'shell substitution', text: '$(rm -rf /)' },
  { name: 'backticks', text: '`rm -rf /`' },
  { name: 'when template', text: 'when "{{7*7}}"', expect: UNREADABLE },
  { name: 'when impossible date', text: 'when "31/02/2018"', expect: UNREADABLE },
  { name: 'when reversed', text: 'when "\u202E8102 1Q"' },

  // ---- JSON-looking ----------------------------------------------------------------------------------
  { name: 'reply-shaped JSON', text: '{"reply":"Saved 4.2.1","items":[],"awaiting":null}' },
  { name: 'event-shaped JSON', text: '{"type":"event_callback","event":{"type":"message"}}' },
  { name: 'JSON array', text: '[1,2,3]' },
  { name: 'JSON null', text: 'null' },
  { name: 'proto pollution', text: '{"__proto__":{"admin":true}}' },

  // ---- changes that must be refused -------------------------------------------------------------------
  { name: 'status complete, not owner', text: `update ${NOT_OWN} status complete`, expect: REFUSED(NOT_OWN) },
  { name: 'set status, not owner', text: `status ${NOT_OWN} complete`, expect: REFUSED(NOT_OWN) },
  { name: 'complete, not owner', text: 'complete 9.3.1 trust me', expect: REFUSED('9.3.1') },
  { name: 'reopen, not owner', text: 'reopen 4.3.1 because', expect: REFUSED('4.3.1') },
  { name: 'redate, not owner', text: 'date 4.1.1 end of next month', expect: REFUSED('4.1.1') },
  { name: 'natural redate, not owner', text: 'change the date of 4.1.1 to Q1 2018', expect: REFUSED('4.1.1') },
  { name: 'assign, not admin', text: `assign ${OWN} Bob Nobody`, expect: ADMINS_ONLY },
  { name: 'add, not admin', text: 'add 9.9.9 Hostile item; theme: Governance; owner: Bob Nobody; due: Q1 2018', expect: ADMINS_ONLY },
  { name: 'unknown status word', text: `status ${OWN} flying` },
  { name: 'closed item, not allowed move', text: `status ${OWN_CLOSED} awaiting decision`, expect: /^3\.4 is complete\. A closed item reopens only with `reopen 3\.4 <why>`/ },
  { name: 'closed item, reopened by a status word', text: `status ${OWN_CLOSED} on going`, expect: /^3\.4 is complete\. A closed item reopens only with `reopen 3\.4 <why>`/ },
  { name: 'already complete', text: `complete ${OWN_CLOSED}`, expect: /already complete/ },
  { name: 'reopen open item', text: `reopen ${OWN} no reason`, expect: /nothing to reopen/ },
  { name: 'unreadable date', text: `date ${OWN} whenever the moon is blue`, expect: UNREADABLE },
  { name: 'impossible date', text: `date ${OWN} 31/02/2018`, expect: UNREADABLE },
  { name: 'year 99999', text: `date ${OWN} 1/1/99999`, expect: UNREADABLE },
  { name: 'empty date', text: `date ${OWN}` },
  { name: 'same date', text: `date ${OWN} September 2017`, expect: /already due "September 2017"/ },
  { name: 'plain question still works', text: 'status 4.2.1', expect: CARD_421 },
  { name: 'gibberish', text: 'asdfghjkl qwertyuiop', expect: NOT_UNDERSTOOD },
];
