import { itemRef } from '../item-ref.js';
import { formatDate, plural, priorityWords } from '../../core/ask/format.js';
import type { HomeData, HomeItem } from '../../core/ask/home.js';
import type { Rag } from '../../core/plan/rag.js';
import { isClosed, STATUS_LABELS } from '../../core/plan/status.js';
import { LIMITS, type ActionsBlock, type Block, type HeaderBlock, type HomeView } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { ACTION, COMMAND } from '../ids.js';
import { button, context, plain, section, splitLines } from './parts.js';
import { proposalRefValue } from './sign-off-message.js';
import { describeWaiting } from '../../core/governance/waiting.js';

const RAG_MARKER: Record<Rag, string> = { red: '🔴', amber: '🟠', green: '🟢', grey: '⚪' };
/** Theme lines may fill at most this many sections, so the glance never crowds out the viewer's items. */
const MAX_THEME_SECTIONS = 2;

const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text, LIMITS.headerText) });

/** Proposals shown on the home tab at most; the rest are a question away. */
const MAX_SIGN_OFFS = 5;

export function homeView(data: HomeData): HomeView {
  const top: Block[] = [header(data.otherPlans ? 'Concerto' : `Concerto — ${data.planTitle}`), context(`As at ${formatDate(data.today)}`), ...signOffBlocks(data), header('Your items')];
  const glance = glanceBlocks(data);
  const items = data.viewer.linked ? data.mine : [];
  // Slack caps a home tab at 100 blocks; each item takes two (section + actions), and one line is kept for "…and K more".
  const planLines = new Set(items.map((i) => i.plan).filter(Boolean)).size;
  const room = LIMITS.viewBlocks - top.length - glance.length - 1 - planLines;
  const fits = items.length * 2 <= room + 1 ? items.length : Math.floor(room / 2);
  const shown = items.slice(0, fits);

  const mine: Block[] = [];
  if (!data.viewer.linked) {
    mine.push(section(`You're not linked to a plan owner yet, so I can't show your items. An admin can link you with \`${COMMAND} link @you "Owner name"\`.`));
  } else if (!items.length) {
    const who = data.viewer.owns.length ? ` for ${escapeTruncate(data.viewer.owns.join(', '), 500)}` : '';
    mine.push(section(`Nothing in the plan is assigned${who}.`));
  }
  shown.forEach((item, i) => {
    // Grouped by plan: a line naming the plan before its first item.
    if (item.plan && item.plan !== shown[i - 1]?.plan) mine.push(context(`*${escapeTruncate(item.plan, 60)}*`));
    mine.push(itemSection(item), itemActions(item, i));
  });
  if (items.length > shown.length) mine.push(context(`…and ${items.length - shown.length} more: type \`${COMMAND} mine\``));
  return { type: 'home', blocks: [...top, ...mine, ...glance] };
}

/** For an admin: completions others proposed, each with Sign off and Return (the same buttons as the request's DM). */
function signOffBlocks(data: HomeData): Block[] {
  const list = data.toSignOff ?? [];
  if (!list.length) return [];
  const blocks: Block[] = [header('Awaiting your sign-off')];
  list.slice(0, MAX_SIGN_OFFS).forEach((p, i) => {
    const where = data.otherPlans ? ` _(${escapeTruncate(p.plan, 60)})_` : '';
    const evidence = p.proposal.evidence ? `evidence: ${escapeTruncate(p.proposal.evidence, 500)}` : 'no evidence given';
    blocks.push(section(`*${escapeTruncate(p.id, 40)}* ${escapeTruncate(p.title, 200)}${where}
Proposed complete by ${escapeTruncate(p.proposal.by, 100)} on ${formatDate(p.proposal.at.slice(0, 10))} · ${evidence}`));
    const ref = proposalRefValue({ plan: p.plan, id: p.id, at: p.proposal.at }).slice(0, LIMITS.buttonValue);
    blocks.push({ type: 'actions', block_id: `sign_off_${i}`, elements: [button(ACTION.signOff, 'Sign off', ref, { style: 'primary' }), button(ACTION.signOffReturn, 'Return', ref)] });
  });
  if (list.length > MAX_SIGN_OFFS) blocks.push(context(`…and ${list.length - MAX_SIGN_OFFS} more: ask \`${COMMAND} what's awaiting sign-off?\``));
  return blocks;
}

function itemSection(item: HomeItem): Block {
  const delivery = item.delivery.text.trim() || 'no date';
  const last = item.lastUpdate ? `last update ${formatDate(item.lastUpdate.date)}` : 'no updates yet';
  return section(
    `${RAG_MARKER[item.rag]} *${escapeTruncate(item.id, 40)}* ${escapeTruncate(item.title, 200)}\n` +
      `${STATUS_LABELS[item.status]}${item.waiting ? ` on ${escapeTruncate(describeWaiting(item.waiting), 200)}` : ''}${item.proposal ? ' (complete — awaiting sign-off)' : ''} · Delivery: ${escapeTruncate(delivery, 100)}${item.priority ? ` · ${escapeTruncate(priorityWords(item.priority), 60)}` : ''} · _${escapeTruncate(item.ragReason, 100)}_ · ${last}`,
  );
}

function itemActions(item: HomeItem, i: number): ActionsBlock {
  const id = itemRef(item).slice(0, LIMITS.buttonValue);
  const elements = [button(ACTION.openUpdate, 'Update', id, { style: 'primary' })];
  if (!isClosed(item.status) && !item.proposal) {
    const confirm = {
      title: plain('Mark complete?', 100),
      text: plain(`Mark ${item.id} “${item.title}” as complete?`, 300),
      confirm: plain('Complete', 30),
      deny: plain('Cancel', 30),
    };
    elements.push(button(ACTION.complete, 'Complete', id, { confirm }));
  }
  elements.push(button(ACTION.history, 'History', id));
  return { type: 'actions', block_id: `item_${i}`, elements };
}

function glanceBlocks(data: HomeData): Block[] {
  const counts = data.byStatus.filter((s) => s.count > 0).map((s) => `${STATUS_LABELS[s.status]}: ${s.count}`);
  const summary = `*${plural(data.total, 'item')}*, ${data.overdue} overdue\n${counts.join(' · ') || 'No items yet.'}`;
  const themes = data.byTheme.map((t) => `*${escapeTruncate(t.theme, 100)}* — ${t.total} total, ${t.open} open, ${t.overdue} overdue`);
  const chunks = splitLines(themes.join('\n')).slice(0, MAX_THEME_SECTIONS);
  const listed = chunks.reduce((n, c) => n + c.split('\n').length, 0);
  const title = data.otherPlans ? `${data.planKey} at a glance` : 'The plan at a glance';
  const blocks: Block[] = [{ type: 'divider' }, header(title), ...(data.otherPlans ? [context(escapeTruncate(data.planTitle, 300))] : []), section(summary), ...chunks.map((c) => section(c))];
  if (listed < themes.length) blocks.push(context(`…and ${plural(themes.length - listed, 'more theme')}`));
  if (data.otherPlans?.length) {
    const others = data.otherPlans.slice(0, 10).map((p) => `*${escapeTruncate(p.key, 60)}* — ${escapeTruncate(p.title, 100)}: ${plural(p.total, 'item')}, ${p.overdue} overdue`);
    const more = data.otherPlans.length > 10 ? `\n…and ${plural(data.otherPlans.length - 10, 'more plan')}: \`${COMMAND} plans\`` : '';
    blocks.push(section(`Other plans:\n${others.join('\n')}${more}`));
  }
  return blocks;
}
