/**
 * What is not part of a question, taken away before it is read: Slack's formatting, emoji, greetings and asides,
 * typos of question words, and the shorthand of a text message.
 */

/** Question words as they get typed in a hurry; only words that are no word of their own. */
const TYPOS: Record<string, string> = {
  wat: 'what', wats: "what's", "wat's": "what's", wot: 'what', wht: 'what', waht: 'what', whta: 'what', whcih: 'which', wich: 'which', whihc: 'which',
  shwo: 'show', sho: 'show', teh: 'the', u: 'you', r: 'are', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks',
  reccomendations: 'recommendations', recomendations: 'recommendations', recommedations: 'recommendations', recommendatons: 'recommendations',
  reccomendation: 'recommendation', recomendation: 'recommendation', actoins: 'actions', itmes: 'items', overdeu: 'overdue', ovredue: 'overdue',
  // Typed as a text message: "what's due nxt wk?", "overdue b4 xmas".
  wk: 'week', wks: 'weeks', nxt: 'next', mth: 'month', mnth: 'month', mths: 'months', yr: 'year', yrs: 'years', tmrw: 'tomorrow', tmw: 'tomorrow',
  b4: 'before', xmas: 'Christmas', asap: 'now',
};
/** "overdue 4 karen": a lone 4 after a question's word, where no number of weeks or a month follows, is "for" ("item 4", "section 4" stay). */
const FOR_AS_4 = /(?<=\b(?:overdue|due|late|open|outstanding|items|actions|recs|recommendations|anything|everything|left|coming up) )4(?= (?!(?:days?|weeks?|wks?|months?|mths?|years?|yrs?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b)[a-z])/gi;
/** Greetings and asides around a question: "Morning!", "quick question -", "sorry to bother you, but". */
const ASIDES =
  /(?:^|\s)(?:good (?:morning|afternoon|evening)|morning|afternoon|evening|hi there|hi|hey|hello|quick (?:question|one|q)|thanks|thank you|cheers|sorry to (?:bother|trouble) you|sorry|if anything|at the moment|right now|just now|currently|at present|for now)(?=[\s,!.?:;\u2013\u2014-]|$)|(?:^|\s)but(?= (?:what|which|how|is|are|any)\b)|(?:^|\s)(?:with|showing|and)\s+(?:their|its|the)\s+(?:boards?|owners?|(?:due\s+|delivery\s+)?dates?|deadlines?|statuse?s?|details|latest\s+updates?)(?=[\s,!.?:;]|$)/gi;

/**
 * The question without what is not part of it: Slack's formatting (*bold*, _italic_, ~strike~, `code`,
 * :emoji:), emoji, dashes and stray punctuation, greetings and asides, and typos of question words.
 */
export function plainQuestion(text: string): string {
  return text
    .replace(/:[a-z0-9_+'-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}\uFE0F?/gu, ' ')
    .replace(/(^|\s)[*_~`]+|[*_~`]+(?=\s|$)/g, '$1')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(?:^|\s)[-\u2013\u2014]+(?=\s|$)/g, ' ')
    .replace(/\bre:/gi, ' ')
    .replace(ASIDES, ' ')
    .replace(/[?!]+(?=\s|$)/g, ' ')
    .replace(/[^\s]+/g, (w) => TYPOS[w.toLowerCase()] ?? w)
    .replace(FOR_AS_4, 'for')
    .replace(/\b(?:finali[sz]ed|signed off)\b/gi, 'completed')
    .replace(/\b(?:can|could|may) i (?:see|get|have|look at)\b/gi, 'show')
    .replace(/\s+/g, ' ')
    .trim();
}
