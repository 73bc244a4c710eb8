import type { IsoDate } from '../dates/delivery-window.js';
import type { Source } from '../plan/recommendation.js';

/**
 * A board's decision, in the board's words, with the items it affects. Decisions are append-only like
 * the audit trail: a correction is a new decision that supersedes the old one and links to it.
 */
export interface Decision {
  id: number;
  board: string;
  /** The meeting it was taken at, when there was one ("SAS 2017-10-12"); otherwise only its day. */
  meetingDate: IsoDate | null;
  decidedOn: IsoDate;
  text: string;
  /** Item ids in plan order. */
  affects: string[];
  /** The decision this one corrects. */
  supersedes: number | null;
  recordedAt: string;
  recordedBy: string;
  recordedById: string | null;
  source: Source;
}

export interface NewDecision {
  board: string;
  decidedOn: IsoDate;
  /** Set when the day is a meeting of the board; the store checks the meeting exists. */
  meetingDate: IsoDate | null;
  text: string;
  affects: string[];
  supersedes: number | null;
}

/** Decisions no later decision supersedes: what the board's log says now. */
export function standingDecisions<D extends Pick<Decision, 'id' | 'supersedes'>>(decisions: readonly D[]): D[] {
  const superseded = new Set(decisions.map((d) => d.supersedes).filter((id): id is number => id !== null));
  return decisions.filter((d) => !superseded.has(d.id));
}

/** The decisions of a board (or all boards) taken in (after, upTo]: a paper's decision log. */
export function decisionsBetween<D extends Pick<Decision, 'board' | 'decidedOn'>>(decisions: readonly D[], after: IsoDate | null, upTo: IsoDate, board?: string): D[] {
  return decisions
    .filter((d) => (board === undefined || d.board === board) && d.decidedOn <= upTo && (after === null || d.decidedOn > after))
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
}

/** Why a decision cannot be recorded as given (before any store is asked), or null. */
export function checkDecisionText(text: string): string | null {
  if (!text.trim()) return 'A decision needs its words: put what the board decided in quotes, e.g. `decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6`.';
  if (text.length > 2000) return `That decision is ${text.length} characters; keep it under 2,000 (the board's minute, not the paper).`;
  return null;
}
