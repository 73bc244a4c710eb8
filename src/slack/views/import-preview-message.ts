import type { ChatDecision, ChatPreview } from '../../app/chat-import.js';
import { PREVIEW_MINUTES } from '../../app/chat-import.js';
import { previewLines } from '../../app/import-preview.js';
import type { Message } from '../block-kit.js';
import { escapeText, escapeTruncate } from '../escape.js';
import { ACTION } from '../ids.js';
import { button, context, section, splitLines } from './parts.js';

/** Rows not read and dates flagged are listed up to this many each; the rest are counted. */
const LISTED = 10;
/** A preview's sections: the 50-block limit leaves room for the header, context and buttons. */
const MAX_SECTIONS = 40;
/** Characters of the preview's body, and of any one line of it: the message's other parts fit in what is left of 12,000. */
const BUDGET = 8000;
const MAX_LINE = 400;

const mention = (id: string) => `<@${id}>`;
const code = (s: string) => `\`${escapeText(s)}\``;

/**
 * A document's preview as a DM: what was read and where it would go, every row not read and date
 * flagged, and Import / Cancel (or, when it cannot be imported as it is, why not and no Import).
 */
export function importPreviewMessage(p: Extract<ChatPreview, { kind: 'preview' }>): Message {
  const s = p.preview;
  const where = s.effect && s.plan
    ? `into ${code(s.plan)}: ${s.effect.added.length} new, ${s.effect.changed.length} changed (kept as audited changes), ${s.effect.unchanged} unchanged; nothing is deleted`
    : `into a new plan ${code(s.plan ?? '')}, “${escapeTruncate(s.title, 200)}”`;
  const headline = `${s.file}: ${s.items} items read, to import ${where.replace(/`/g, '')}.`;
  const all = previewLines({ ...s, skipped: s.skipped.slice(0, LISTED), flaggedDates: s.flaggedDates.slice(0, LISTED), notes: s.notes.slice(0, LISTED) }).slice(0, -1);
  if (s.skipped.length > LISTED) all.push(`…and ${s.skipped.length - LISTED} more rows not read.`);
  if (s.flaggedDates.length > LISTED) all.push(`…and ${s.flaggedDates.length - LISTED} more dates kept as written but not read.`);
  if (s.notes.length > LISTED) all.push(`…and ${s.notes.length - LISTED} more notes.`);
  // Slack takes 12,000 characters a message: each line is cut short, and lines stop at the budget.
  const lines: string[] = [];
  let used = 0;
  for (const line of all.map((l) => escapeTruncate(l, MAX_LINE))) {
    if (used + line.length > BUDGET) {
      lines.push(`…and ${all.length - lines.length} more lines.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  const body = splitLines(lines.join('\n')).slice(0, MAX_SECTIONS).map((chunk) => section(chunk));
  const blocks = [
    section(`*${escapeTruncate(s.file, 200)}*: ${s.items} items read. Import ${where}?`),
    ...body,
    ...(p.id
      ? [
          context(`Nothing is written until you press *Import* (within ${PREVIEW_MINUTES} minutes). For another plan, send the file again with ${code('into KEY')}; to choose a sheet, a table or a column, ${code('sheet NAME')}, ${code('table N')} or ${code('map "owner=Lead officer"')}.`),
          {
            type: 'actions' as const,
            elements: [button(ACTION.importConfirm, 'Import', p.id, { style: 'primary' }), button(ACTION.importCancel, 'Cancel', p.id)],
          },
        ]
      : [section(`:warning: ${escapeText(p.blocked ?? '')}`)]),
  ];
  return { text: p.id ? headline : (p.blocked ?? headline), blocks };
}

/** Why a person may not import where the document would go, and who can. */
export function notPermittedMessage(p: Extract<ChatPreview, { kind: 'not_permitted' }>, globalAdmins: readonly string[]): Message {
  const admins = [...new Set([...p.planAdmins, ...globalAdmins])];
  const who = admins.length ? `${admins.map(mention).join(', ')} can` : 'Nobody is set up to: an admin must be named in CONCERTO_ADMINS first, and then they can';
  const text = p.creates
    ? `Only an admin named in CONCERTO_ADMINS can create a plan from a document, so nothing was imported. ${who} import it; send it to one of them.`
    : `Only an admin of ${p.planKey} can import into it, so nothing was imported. ${who} import it; send it to one of them.`;
  return { text, blocks: [section(text)] };
}

/** To someone who administers no plan: who can import, before their file is even downloaded. */
export function onlyAdminsImport(globalAdmins: readonly string[]): Message {
  const who = globalAdmins.length ? `${globalAdmins.map(mention).join(', ')}, or a plan's own admins for their plan` : "a plan's own admins for their plan (and anyone named in CONCERTO_ADMINS, which is empty)";
  const text = `Only admins can import a plan from a document: ${who}. Nothing was read or imported; send the file to one of them.`;
  return { text, blocks: [section(text)] };
}

/** What became of a preview's Import or Cancel, shown in place of its buttons. */
export function importDecisionMessage(d: ChatDecision, previous: Message | null): Message {
  let outcome: string;
  if (d.kind === 'imported') {
    const r = d.result;
    const made = r.created ? `a new plan ${code(r.plan.key)}, “${escapeTruncate(r.plan.title, 200)}”` : code(r.plan.key);
    outcome = `:white_check_mark: Imported ${escapeTruncate(d.pending.fileName, 200)} into ${made}: ${r.added} new, ${r.changed} changed, ${r.unchanged} unchanged, ${r.updatesAdded} updates added. Try ${code(`status ${firstId(d) ?? '1.1'} in ${r.plan.key}`)}.`;
  } else if (d.kind === 'cancelled') outcome = `Cancelled: nothing from ${escapeTruncate(d.pending.fileName, 200)} was imported.`;
  else outcome = escapeText(d.message);
  // The preview stays readable above the outcome; only its buttons go.
  const kept = (previous?.blocks ?? []).filter((b) => (b as { type?: string }).type !== 'actions');
  return { text: outcome.replace(/:[a-z_]+: /, ''), blocks: [...kept.slice(0, 45), section(outcome)] };
}

function firstId(d: Extract<ChatDecision, { kind: 'imported' }>): string | null {
  const plan = d.pending.plan as { recommendations?: Array<{ id?: string }> };
  return plan.recommendations?.[0]?.id ?? null;
}

/** How to import, for `/concerto import`: a slash command cannot carry a file, so the file goes in the DM. */
export function importHowToMessage(planKey: string | null): Message {
  const words = planKey ? code(`into ${planKey}`) : `${code('into KEY')} (a new key makes a new plan)`;
  const text = [
    `To import a plan, send me its document — Word (.docx), Excel (.xlsx), CSV or a PDF with a table — as a file in a direct message (my *Messages* tab), with ${words} as the message.`,
    'I reply with what I read: the table and columns I chose, the number of items, a sample, and every row or date I could not read. Nothing is written until you press *Import*.',
    `Add ${code('sheet NAME')} to choose a sheet, or ${code('map "owner=Lead officer"')} to say which heading is which.`,
  ].join('\n');
  return { text, blocks: [section(text)] };
}
