import type { Field } from './reading.js';

/**
 * Headings compared by their words only: "Recommendation No.", "recommendation no" and
 * "RECOMMENDATION-NO" are one heading. "#" survives because it is a heading on its own.
 */
export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’'`]s\b/g, 's')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** Spellings boards use for each column, compared by headingKey. */
const SYNONYMS: Record<Field, string[]> = {
  id: [
    'recommendation no', 'recommendation number', 'recommendation ref', 'rec no', 'rec ref', 'rec', 'ref', 'ref no',
    'reference', 'no', 'number', '#', 'action id', 'action no', 'action ref', 'id', 'item', 'item no',
  ],
  text: [
    'recommendation', 'recommendations', 'action', 'actions', 'description', 'finding', 'findings',
    'recommendation action', 'action description', 'recommendation text', 'agreed action',
    // Inspectorates' and auditors' own words for what is to be done.
    'area for improvement', 'areas for improvement', 'afi', 'recommendation afi', 'recommendation or afi', 'recommendation area for improvement',
    'issue', 'issues', 'issue identified', 'observation', 'observations', 'cause of concern', 'management action', 'agreed management action',
    'action required', 'action to be taken', 'actions required',
  ],
  owner: [
    'owner', 'owners', 'owner s', 'lead', 'lead officer', 'leads', 'responsible officer', 'action owner',
    'accountable', 'responsible', 'responsibility', 'accountable officer', 'lead s',
    'sro', 'sponsor', 'assigned to', 'executive lead', 'responsible manager', 'lead director',
  ],
  update: [
    'update', 'updates', 'progress', 'progress update', 'commentary', 'latest position', 'comments', 'comment',
    'latest update', 'progress to date', 'position', 'current position', 'notes',
    'progress made', 'action taken', 'actions taken', 'evidence of progress',
  ],
  delivery: [
    'delivery date', 'target date', 'due', 'due date', 'deadline', 'timescale', 'timescales', 'by when',
    'completion date', 'target completion date', 'delivery', 'target', 'date due',
    'quarter', 'target quarter', 'delivery quarter', 'implementation date', 'due by',
  ],
  revised: [
    'revised target', 'revised target date', 'revised date', 'revised delivery date', 'revised deadline', 'revised timescale',
    'revised timescales', 'revised completion date', 'revised due date', 'new target date', 'new date', 'new deadline',
    'amended target date', 'amended date', 'updated target date', 'current target date', 'revised',
  ],
  original: [
    'original target date', 'original target', 'original date', 'original deadline', 'original delivery date', 'original due date',
    'original timescale', 'original timescales', 'original completion date', 'baseline', 'baseline date', 'baseline delivery date',
  ],
  status: ['status', 'progress status', 'current status', 'action status'],
  rag: ['rag', 'rag status', 'rag rating', 'r a g', 'rag rating status', 'brag', 'brag status', 'brag rating', 'b rag'],
  theme: ['theme', 'workstream', 'work stream', 'area', 'section', 'category', 'themes', 'area of focus'],
  priority: ['priority', 'priority rating', 'priority level', 'risk rating', 'risk level', 'rating', 'grade', 'importance', 'significance', 'recommendation priority', 'recommendation rating', 'audit rating', 'finding rating'],
};

const EXACT = new Map<string, Field>(
  (Object.entries(SYNONYMS) as Array<[Field, string[]]>).flatMap(([field, names]) => names.map((n) => [n, field] as [string, Field])),
);

/**
 * Words that give a longer heading away ("Target completion date (revised)", "Update as at 30/09").
 * Tried in this order because the first word wins: "RAG status" is RAG and "Action owner" an owner.
 */
const KEYWORDS: Array<[RegExp, Field]> = [
  [/\bb?rag\b/, 'rag'],
  [/\b(priority|grade|importance|significance)\b/, 'priority'],
  [/\bstatus\b/, 'status'],
  // A date that says it is not the first ("Target date (revised)", "New completion date") or is ("Original deadline").
  [/\b(revised|amended|new|updated|rescheduled)\b.*\b(date|due|deadline|timescales?|target)\b|\b(date|due|deadline|timescales?|target)\b.*\b(revised|amended|rescheduled)\b/, 'revised'],
  [/\b(original|baseline|initial)\b.*\b(date|due|deadline|timescales?|target)\b|\b(date|due|deadline|timescales?|target)\b.*\b(original|baseline|initial)\b/, 'original'],
  [/\b(date|due|deadline|timescales?|when)\b/, 'delivery'],
  [/\b(owners?|lead|leads|responsible|accountable|officer)\b/, 'owner'],
  [/\b(update|updates|progress|commentary|position|comments?)\b/, 'update'],
  [/\b(ref|reference|no|number|id|#)\b/, 'id'],
  [/\b(theme|workstream|area|section|category)\b/, 'theme'],
  [/\b(recommendations?|actions?|description|findings?)\b/, 'text'],
];

export interface HeadingMatch {
  field: Field;
  /** An exact spelling beats a keyword guess when two columns claim one field. */
  exact: boolean;
  /** Then the lower wins: an audit tracker's "Recommendation" is the item's text before its "Finding". */
  rank: number;
}

/** What a text column says, best first: the recommendation, the action agreed, a description, the finding behind it. */
const TEXT_RANK = [/\brecommendations?\b/, /\bactions?\b/, /\bdescription\b/, /\bfindings?\b/];

export function fieldOfHeading(heading: string): HeadingMatch | null {
  const key = headingKey(heading);
  if (!key) return null;
  const rank = (field: Field) => {
    const at = field === 'text' ? TEXT_RANK.findIndex((re) => re.test(key)) : 0;
    return at < 0 ? TEXT_RANK.length : at;
  };
  const exact = EXACT.get(key);
  if (exact) return { field: exact, exact: true, rank: rank(exact) };
  // Long cells are data, not headings; a title row must not be read as a header.
  if (key.split(' ').length > 7) return null;
  for (const [re, field] of KEYWORDS) if (re.test(key)) return { field, exact: false, rank: rank(field) };
  return null;
}
