/**
 * Owners are people ("Karen Georgiou", "N. Shackleton") or roles ("Portfolio Office",
 * "Force CFO’s"). Matching is by name or role, partial and case-insensitive, and ignores
 * punctuation so "Roome Gifford", "roome-gifford" and "PCCs" all find their owner.
 */
export type OwnerKind = 'person' | 'role';

const ROLE_WORDS =
  /\b(office|board|boards|constables?|cfo|cfos|cc|ccs|pcc|pccs|sro|sros|heads?|executives?|corporation|soles|team|service|services|group|committee|directorate|department|unit|lead|chiefs?|support|partners?|managers?|directors?|officers?|advis[oe]rs?|co-?ordinators?|administrators?|secretar(?:y|iat)|treasurer|controllers?|auditors?|commissioners?|inspectors?|superintendents?|chair|chairs|deputy|assistant|owners?|leads|pmo|hr|ict|finance|procurement|estates|legal|audit|governance|programme|project|projects|portfolio|operations|panel|forum|council)\b/i;

export function ownerKind(name: string): OwnerKind {
  return ROLE_WORDS.test(normaliseName(name)) ? 'role' : 'person';
}

/** Lower case, curly quotes and possessive/plural apostrophes dropped, punctuation to spaces. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, 's')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well a typed name matches an owner: 3 exact, 2 every typed word starts a word of the name, 1 substring, 0 none. */
export function ownerMatchScore(typed: string, owner: string): number {
  const t = normaliseName(typed);
  const o = normaliseName(owner);
  if (!t) return 0;
  if (t === o || t.replace(/ /g, '') === o.replace(/ /g, '')) return 3;
  const words = o.split(' ');
  const typedWords = t.split(' ');
  if (typedWords.every((w) => words.some((ow) => ow.startsWith(w) || (w.length > 2 && ow === `${w}s`)) || initialsOf(words, w))) return 2;
  if (t.length >= 3 && o.replace(/ /g, '').includes(t.replace(/ /g, ''))) return 1;
  return 0;
}

/** "BAU" for "Business as Usual", "SRO" for "Senior Responsible Owner": a typed word that is the initials of words in a row. */
function initialsOf(words: readonly string[], typed: string): boolean {
  if (typed.length < 3 || !/^[a-z]+$/.test(typed)) return false;
  for (let i = 0; i + typed.length <= words.length; i++) {
    if (words.slice(i, i + typed.length).every((w, j) => w.startsWith(typed[j]!))) return true;
  }
  return false;
}

/** The owners a typed name can mean, best matches only. */
export function matchOwners(typed: string, known: readonly string[]): string[] {
  let best = 0;
  let found: string[] = [];
  for (const owner of known) {
    const s = ownerMatchScore(typed, owner);
    if (s > best) {
      best = s;
      found = [owner];
    } else if (s === best && s > 0) found.push(owner);
  }
  return found;
}
