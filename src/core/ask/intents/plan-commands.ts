import { isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import { cleanIdToken } from './ids.js';
import type { PlanSettingsText } from '../intent.js';
import type { Matcher } from './normalise.js';

const FLAGS: Record<string, keyof PlanSettingsText> = {
  title: 'title',
  timezone: 'timeZone',
  'time-zone': 'timeZone',
  holidays: 'holidays',
  'bank-holidays': 'holidays',
  admins: 'admins',
  'home-channel': 'homeChannel',
  channel: 'homeChannel',
  'digest-channel': 'digestChannel',
  digest: 'digestChannel',
  'as-of': 'asOf',
  'sign-off': 'signOff',
  signoff: 'signOff',
};

/** "plans", "what plans do we have?", "show me all the plans", "which plans are active?", "how many plans are there?" */
/** "who are the admins?", "who administers the plan?": each plan's admins are in the list of plans. */
const ADMINS = /^(?:who\s+(?:are|is)\s+(?:the\s+|our\s+|this\s+plan's\s+|the\s+plan's\s+)?(?:plan\s+)?admins?(?:\s+(?:here|of\s+(?:the|this)\s+plan|for\s+(?:the|this)\s+plan))?|who\s+(?:administers|runs|manages)\s+(?:the|this)\s+plan|list\s+(?:the\s+)?admins)$/;
const PLANS =
  /^(?:(?:list|show(?:\s+me)?|which|what|how\s+many)\s+(?:the\s+|are\s+the\s+|all\s+(?:of\s+)?(?:the\s+)?|our\s+)?)?(?:action\s+)?plans(?:\s+(?:are\s+there|do\s+we\s+have|have\s+we\s+got|are\s+we\s+(?:tracking|running|following)|are\s+(?:active|running|live|open|in\s+concerto)|exist|does\s+concerto\s+(?:hold|have|run|know)))?$/;

/**
 * `plans`, `use KEY`, and the admin's `plan create|set|archive|restore KEY …`. Settings are
 * `--name value` pairs (quotes keep spaces); what they mean is checked by the handler.
 */
export const matchPlanCommands: Matcher = (msg) => {
  const lower = msg.lower;
  if (PLANS.test(lower) || ADMINS.test(lower)) return { kind: 'plans' };
  const use = /^(?:use|switch\s+to|change\s+to|move\s+to|go\s+to|set\s+my\s+plan\s+to|my\s+plan\s+is)\s+(?:(?:the\s+)?plan\s+)?([a-z][a-z0-9-]*)$/i.exec(msg.text);
  if (use) return { kind: 'use', key: use[1]!.toLowerCase() };
  // "use the audit plan", "switch to the Internal Audit 2018 plan", "go back to the concerto plan": words of its title.
  const titled = /^(?:use|switch\s+(?:back\s+)?to|change\s+to|move\s+to|go\s+(?:back\s+)?to)\s+(?:the\s+|our\s+)?((?:[\p{L}\d][\p{L}\d'’&-]*\s+){1,5}?)plan$/iu.exec(msg.text);
  if (titled) return { kind: 'use', key: titled[1]!.trim().toLowerCase(), byTitle: true };
  // "what plan am I using?", "which plan is this?", "current plan": the plan questions go to here, and why.
  if (/^(?:(?:what|which)\s+plan\s+(?:am\s+i|are\s+we)\s+(?:using|on|in|looking\s+at)|(?:what|which)\s+plan\s+(?:is|does)\s+this\s+(?:channel|conversation|dm|thread)\s+(?:on|using|use|in|for)|(?:what|which)\s+plan\s+is\s+(?:this|it|that|in\s+use)|(?:my\s+|the\s+)?current\s+plan|(?:what|which)(?:'s|\s+is)\s+my\s+plan)$/i.test(lower)) return { kind: 'which_plan' };
  // "which plan is 4.2.1 in?", "which plans have 4.2.1?", "what plans contain item 9.1.1?": the plans that number is in.
  const holding = new RegExp(String.raw`^(?:which|what)\s+plans?\s+(?:is|are|has|have|holds?|contains?|includes?)\s+(?:(?:item|rec|recommendation|action)\s+)?(#?${TYPED_ID})(?:\s+in)?[?.!]*$`, 'i').exec(msg.text.trim());
  if (holding && isRecommendationId(cleanIdToken(holding[1]!))) return { kind: 'plans_holding', id: cleanIdToken(holding[1]!) };
  // "archive audit-2018", "restore the plan audit-2018": the admin's command without its leading "plan".
  const state = /^(archive|restore|unarchive)\s+(?:the\s+)?(?:plan\s+)?([a-z][a-z0-9]*-[a-z0-9-]+)$/i.exec(msg.text);
  if (state) return { kind: 'plan_state', key: state[2]!.toLowerCase(), state: state[1]!.toLowerCase() === 'archive' ? 'archived' : 'active' };
  const cmd = /^plan\s+(create|add|new|set|archive|restore|unarchive)\b\s*(\S*)\s*([\s\S]*)$/i.exec(msg.raw.trim());
  if (!cmd) return null;
  const verb = cmd[1]!.toLowerCase();
  const key = cmd[2]!.toLowerCase();
  if (verb === 'archive' || verb === 'restore' || verb === 'unarchive') return { kind: 'plan_state', key, state: verb === 'archive' ? 'archived' : 'active' };
  const settings = readSettings(cmd[3]!);
  if ('error' in settings) return { kind: 'unknown', text: msg.text, reason: settings.error };
  return verb === 'set' ? { kind: 'plan_set', key, settings } : { kind: 'plan_create', key, settings };
};

function readSettings(rest: string): PlanSettingsText | { error: string } {
  // `--title="A b"` is a name and a quoted value; a quoted value keeps its spaces and is never a flag.
  const tokens = [...rest.matchAll(/(?<=^|\s)(--?[\w-]+=)?(?:"([^"]*)"|“([^”]*)”)|(\S+)/g)].flatMap((m) =>
    m[4] !== undefined
      ? [{ text: m[4], quoted: false }]
      : [...(m[1] ? [{ text: m[1].slice(0, -1), quoted: false }] : []), { text: m[2] ?? m[3] ?? '', quoted: true }],
  );
  const out: PlanSettingsText = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const eq = t.quoted ? -1 : t.text.indexOf('=');
    const name = (eq > 0 ? t.text.slice(0, eq) : t.text).replace(/^--?/, '').toLowerCase();
    const field = t.quoted ? undefined : FLAGS[name];
    if (!field) return { error: `I don't know the plan setting "${t.text}". Settings are --title, --timezone, --holidays, --admins, --home-channel, --digest-channel, --sign-off.` };
    const values: string[] = [];
    if (eq > 0) values.push(t.text.slice(eq + 1));
    // A value runs to the next --flag, so an unquoted title of several words still reads whole.
    while (tokens[i + 1] && (tokens[i + 1]!.quoted || !tokens[i + 1]!.text.startsWith('--'))) values.push(tokens[++i]!.text);
    if (!values.length) return { error: `--${name} needs a value, e.g. --${name} ${example(field)}.` };
    out[field] = values.join(' ');
  }
  return out;
}

function example(field: keyof PlanSettingsText): string {
  return { title: '"Internal audit 2018"', timeZone: 'Europe/London', holidays: 'scotland', admins: 'U0123ABCD,U0456EFGH', homeChannel: 'C0123ABCD', digestChannel: 'C0123ABCD', asOf: '2018-01-15', signOff: 'on' }[field];
}
