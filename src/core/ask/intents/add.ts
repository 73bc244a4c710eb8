import type { AddFields, Intent } from '../intent.js';
import { parseStatus } from '../../plan/status.js';
import { commandId, unknown } from './ids.js';
import { splitOwners } from './assign.js';
import { statusReason } from './set-status.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

const KEY = /^(theme|owners?|owned by|due|delivery|date|deadline|status)\s*[:=]\s*([\s\S]*)$/i;

/**
 * `add <id> <text>; theme: ICT; owner: Karen Georgiou, N. Shackleton; due: March 2018; status: not started`.
 * Segments are separated by ";", "|" or line breaks. Segments without a known key are the text,
 * joined back with the separators they had, so a description that contains ";" survives.
 */
export function matchAdd(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, ['add', 'new', 'create'], 'add', 'add 4.2.1 Review the ICT strategy; theme: ICT; owner: Karen Georgiou; due: March 2018');
  if (!cmd) return null;
  if ('reason' in cmd) return msg.words[0]?.toLowerCase() === 'add' ? unknown(msg, cmd.reason) : null;
  const fields: AddFields = { text: null, theme: null, owners: [], delivery: null, status: null };
  const parts = (rawAfter(msg, cmd.used) ?? '').split(/(\s*(?:;|\||\r?\n)\s*)/);
  let sep = '';
  for (let i = 0; i < parts.length; i += 2) {
    const segment = (parts[i] ?? '').trim();
    const before = sep;
    sep = parts[i + 1] ?? '';
    if (segment === '') continue;
    const m = KEY.exec(segment);
    const key = m?.[1]?.toLowerCase();
    const value = (m?.[2] ?? '').trim();
    if (key === undefined) fields.text = fields.text === null ? segment : fields.text + before + segment;
    else if (key === 'theme') fields.theme = value || null;
    else if (key.startsWith('owner') || key === 'owned by') fields.owners.push(...splitOwners(value));
    else if (key === 'status') {
      const status = parseStatus(value);
      if (!status) return unknown(msg, statusReason(value));
      fields.status = status;
    } else fields.delivery = value || null;
  }
  return { kind: 'add', id: cmd.id, fields };
}
