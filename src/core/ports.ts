import type { NudgePreference } from './reminders/decide-nudges.js';
import type { DeliveryWindow, IsoDate } from './dates/delivery-window.js';
import type { AuditEvent } from './plan/audit.js';
import type { PlanFile } from './plan/plan-file.js';
import type { Recommendation, Source } from './plan/recommendation.js';
import type { Status } from './plan/status.js';
import type { HolidayCalendar } from './reminders/bank-holidays.js';
import type { PlanHistory } from './report/history.js';
import type { Board } from './governance/board.js';
import type { Decision, NewDecision } from './governance/decision.js';
import type { Meeting } from './governance/meeting.js';
import type { Waiting } from './governance/waiting.js';

/** The interfaces the domain needs from the outside world. Adapters implement them. */

export interface Clock {
  /** The current instant. Tests and demos pin it (CONCERTO_NOW). */
  now(): Date;
}

export type PlanState = 'active' | 'archived';

export interface PlanInfo {
  id: number;
  /** What people type: "concerto-2017" (core/plan/plan-key.ts). */
  key: string;
  title: string;
  asOf: IsoDate;
  timeZone: string;
  holidays: HolidayCalendar;
  /** Slack user ids who administer this plan (CONCERTO_ADMINS administer every plan). */
  admins: string[];
  /** The channel whose messages are about this plan. */
  homeChannel: string | null;
  /** Where the plan's weekly digest goes. */
  digestChannel: string | null;
  /** Archived plans answer questions and papers; they take no changes and send nothing. */
  state: PlanState;
  /** On: an owner's "complete" becomes a proposal that a plan admin signs off or returns. Absent means off. */
  signOff?: boolean;
}

/** What a paper or a file needs of a plan. */
export type PlanHead = Pick<PlanInfo, 'id' | 'title' | 'asOf' | 'timeZone'> & Partial<Pick<PlanInfo, 'key'>>;

export interface NewPlan {
  key: string;
  title: string;
  asOf: IsoDate;
  timeZone: string;
}

/** What `plan set` may change; absent fields stay as they are, null clears. */
export interface PlanSettings {
  title?: string;
  timeZone?: string;
  holidays?: HolidayCalendar;
  admins?: string[];
  homeChannel?: string | null;
  digestChannel?: string | null;
  state?: PlanState;
  signOff?: boolean;
}

/**
 * Every plan in the workspace, and a store for each. Creating and changing plans is audited;
 * nothing here deletes a plan.
 */
export interface PlanDirectory {
  /** Every plan, active and archived, in key order. */
  list(): Promise<PlanInfo[]>;
  get(key: string): Promise<PlanInfo | null>;
  byId(id: number): Promise<PlanInfo | null>;
  /** The plan whose home channel this is. */
  homeOf(channel: string): Promise<PlanInfo | null>;
  /** The plan a person chose with `use`. */
  chosenBy(person: string): Promise<PlanInfo | null>;
  choose(person: string, planId: number, at: string): Promise<void>;
  /** Fails with code `plan_exists` when the key is taken (a unique constraint decides, not a prior check). */
  create(plan: NewPlan, meta: ChangeMeta): Promise<PlanInfo>;
  /** Fails with `plan_channel_taken` when another plan has that home channel. */
  update(planId: number, settings: PlanSettings, meta: ChangeMeta): Promise<PlanInfo>;
  /**
   * Imports into the plan with this key in one transaction; with `create`, a plan that does not exist
   * yet is created in the same transaction (so a failed import leaves no empty plan behind).
   */
  importInto(
    target: { key: string; create?: Omit<NewPlan, 'key'> },
    plan: ReadPlan,
    meta: ChangeMeta,
    onProgress?: (done: number, total: number) => void,
    /** `fileName`: the document imported, kept in the plan's audit trail. */
    options?: { addOnly?: boolean; fileName?: string },
  ): Promise<ImportSummary & { plan: PlanInfo; created: boolean }>;
  /** Owner names across every plan (a person or role is one name wherever it owns items). */
  ownerNames(): Promise<string[]>;
  store(plan: PlanInfo): PlanStore;
  governance(plan: PlanInfo): GovernanceStore;
}

/**
 * A plan's boards, their meetings and the decision log. Every write commits with its audit events;
 * writes to an archived plan fail with `plan_archived`. Nothing here changes or deletes a decision.
 */
export interface GovernanceStore {
  /** In name order. */
  boards(): Promise<Board[]>;
  /** Fails with `board_exists` when the plan has a board of that name (a unique index decides). */
  addBoard(name: string, title: string | null, meta: ChangeMeta): Promise<Board>;
  /** Every meeting of every board, by date. */
  meetings(): Promise<Meeting[]>;
  /** Fails with `not_found` for an unknown board and `meeting_exists` for a second meeting of a board on one day. */
  addMeeting(board: string, date: IsoDate, papersBy: IsoDate, meta: ChangeMeta): Promise<Meeting>;
  /** The whole log, oldest first (by day, then as recorded). */
  decisions(): Promise<Decision[]>;
  /**
   * Records a decision and, on each item it affects, a `decision_recorded` audit event, in one
   * transaction; the same transaction queues one message per person linked to an owner of an affected
   * item (core/governance/decision-notice.ts), except for decisions loaded by an import. Fails with `not_found` (board, meeting, item or superseded decision) and `conflict`
   * (that decision was already corrected), naming what to do.
   */
  recordDecision(decision: NewDecision, meta: ChangeMeta): Promise<Decision>;
}

/** Narrows `find`. Every field is optional; all given fields must hold. */
export interface RecQuery {
  openOnly?: boolean;
  status?: Status;
  /** Exact theme names. */
  themes?: string[];
  /** Exact owner names: items owned by any of them. */
  owners?: string[];
  /** delivery.end < endBefore */
  endBefore?: IsoDate;
  /** endFrom <= delivery.end <= endTo */
  endFrom?: IsoDate;
  endTo?: IsoDate;
}

/** Who made a change, through which door, and when (an ISO instant). */
export interface ChangeMeta {
  /** The name shown: what people call the actor, chosen by them in Slack, so not an identity. */
  actor: string;
  /** Who it really was, where the door knows (a Slack user id); null or absent for the terminal and imports. */
  actorId?: string | null;
  source: Source;
  at: string;
}

/** One audited change to one recommendation: any combination, committed together or not at all. */
export interface PlanChange extends ChangeMeta {
  recId: string;
  update?: { date: IsoDate; text: string; author: string | null; evidence: string | null };
  status?: Status;
  delivery?: DeliveryWindow;
  owners?: string[];
  /** The item's priority as written, or null to clear it. */
  priority?: string | null;
  /** What the item waits on (set with status Awaiting decision), or null to clear it. */
  waiting?: Waiting | null;
  /**
   * An owner's completion on a plan with sign-off on: recorded as a proposal (audited `completion_proposed`)
   * while the status stays; null withdraws a pending one. Any status change also clears a pending proposal.
   */
  proposal?: { evidence: string | null } | null;
  /**
   * What the item must still be when the change lands, checked under the row lock: its status, and no
   * update already saying this text. A button that answers the item as it was shown (an owner's "Still
   * waiting") uses it, so a status change or a twin press in between writes nothing (`conflict`).
   */
  precondition?: { status?: Status; withoutUpdate?: string };
}

/** Which proposal a sign-off or a return answers: the item and the proposal's instant, compared under the row lock. */
export interface ProposalRef {
  recId: string;
  proposedAt: string;
}

export interface NewRecommendation {
  id: string;
  theme: string;
  text: string;
  owners: string[];
  status: Status;
  delivery: DeliveryWindow;
}

export interface ImportSummary {
  added: number;
  changed: number;
  unchanged: number;
  updatesAdded: number;
}

/** A plan file whose delivery phrases have already been read by the domain. */
export interface ReadPlan {
  file: PlanFile;
  delivery: Map<string, { current: DeliveryWindow; baseline: DeliveryWindow | null }>;
}

/** One plan's items. Writes to an archived plan fail with code `plan_archived`, checked in the writing transaction. */
export interface PlanStore {
  plan(): Promise<PlanInfo | null>;
  get(recId: string): Promise<Recommendation | null>;
  ids(): Promise<string[]>;
  /** Items in plan order; each carries only its latest update. */
  find(query: RecQuery): Promise<Recommendation[]>;
  themes(): Promise<string[]>;
  owners(): Promise<string[]>;
  history(recId: string): Promise<AuditEvent[]>;
  /** The whole plan with its trail: what the board paper, "as at" questions and "what changed" are rebuilt from. */
  planHistory(): Promise<PlanHistory | null>;
  /** Applies a change and its audit events in one transaction; returns the item as committed. */
  change(change: PlanChange): Promise<Recommendation>;
  /**
   * Completes an item whose proposal is the one named, clearing the proposal, in one transaction under the
   * row lock (audited `status_changed` then `completion_signed_off`). Fails with `conflict` when the proposal
   * is gone or is another one (the item changed meanwhile), `not_permitted` when the signer proposed it.
   */
  signOff(ref: ProposalRef, meta: ChangeMeta): Promise<Recommendation>;
  /** Clears the named proposal with the reason (audited `completion_returned`); fails as `signOff` does. */
  returnProposal(ref: ProposalRef, reason: string, meta: ChangeMeta): Promise<Recommendation>;
  add(rec: NewRecommendation, meta: ChangeMeta): Promise<Recommendation>;
  /**
   * Creates or brings the plan in line with the file in one transaction; idempotent. With
   * `addOnly`, items already in the database are left exactly as they are (seeding never undoes work).
   */
  importPlan(plan: ReadPlan, meta: ChangeMeta, onProgress?: (done: number, total: number) => void, options?: { addOnly?: boolean }): Promise<ImportSummary>;
  exportPlan(): Promise<PlanFile | null>;
}

/**
 * Asks an item's owners for an update now (`chase 4.1.1`): one message per person linked to an owner,
 * queued in the outbox in one transaction, sent by the running app as nudges are. Returns the owners it
 * reached and those no one in the workspace is linked to; with none reached nothing is queued.
 */
export interface ChaseQueue {
  chase(plan: PlanInfo, rec: Pick<Recommendation, 'id' | 'owners'>, chase: { from: string; note: string | null; on: string; at: string }): Promise<ChaseResult>;
}

/** A person's snooze or stop of nudges about one item (the nudge's buttons, or typed): the running app keeps them. */
export interface NudgePreferences {
  setPreference(planId: number, preference: NudgePreference): Promise<void>;
}

/** How long after a chase its people are not chased about the same item again. */
export const CHASE_COOLDOWN_MINUTES = 60;

export interface ChaseResult {
  /** Owners at least one linked person of whom was asked now. */
  reached: string[];
  /** Owners no one in the workspace is linked to. */
  unreached: string[];
  /** Owners whose every linked person was chased about this item within the cool-down, so not asked again. */
  alreadyChased: string[];
  /** The latest of those earlier chases (ISO), or null. */
  lastChasedAt: string | null;
}

/** A conversation waiting for its next answer, stored so any instance (or a restart) carries it on. */
export interface ConversationStore {
  load(key: string, now: string): Promise<unknown | null>;
  save(key: string, state: unknown, now: string, expiresAt: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Which outside identities (Slack users) act for which plan owners. Changes are audited. */
export interface PeopleStore {
  ownersFor(externalId: string): Promise<string[]>;
  membersOf(ownerNames: string[]): Promise<string[]>;
  /**
   * Links a person to an owner. An admin's link (auto false) over an automatic one confirms it;
   * an automatic link never replaces anything.
   */
  link(externalId: string, ownerName: string, auto: boolean, meta: ChangeMeta): Promise<LinkOutcome>;
  /** Returns false when there was no such link. */
  unlink(externalId: string, ownerName: string, meta: ChangeMeta): Promise<boolean>;
  /** Removes every link a person has (they left the workspace, or are a bot); returns the owners they acted for. */
  unlinkAll(externalId: string, meta: ChangeMeta, reason: string): Promise<string[]>;
  links(): Promise<PersonLink[]>;
  /** Whether this person was ever unlinked from this owner: automatic linking never redoes that. */
  wasUnlinked(externalId: string, ownerName: string): Promise<boolean>;
}

export type LinkOutcome = 'added' | 'confirmed' | 'exists';

export interface PersonLink {
  externalId: string;
  ownerName: string;
  /** Made by the name match and not yet confirmed by an admin. */
  auto: boolean;
}

/** Remembers which deliveries have been handled, so a redelivered event is handled once. */
export interface EventLedger {
  /** True the first time an id is seen, false for every redelivery. */
  firstSeen(eventId: string, at: string): Promise<boolean>;
}

/** A document previewed in chat and waiting for the person who sent it to press Import or Cancel. */
export interface PendingImport {
  id: string;
  userId: string;
  planKey: string;
  createsPlan: boolean;
  fileName: string;
  /** The plan as read from the document (the import file's shape). */
  plan: unknown;
  createdAt: string;
  expiresAt: string;
}

/** Why a press on Import or Cancel did nothing. */
export type ImportRefusal = 'unknown' | 'not_yours' | 'expired' | 'imported' | 'cancelled';

export interface PendingImportStore {
  add(p: Omit<PendingImport, 'id'>): Promise<string>;
  /**
   * Decides a pending import once: checks it is pending, the presser's and not expired, and (for an
   * import) runs `importer` against a directory inside the same transaction, so the import and the
   * row's "imported" commit together or not at all.
   */
  decide<R>(
    id: string,
    by: string,
    at: string,
    decision: { import: (plans: PlanDirectory, pending: PendingImport) => Promise<R> } | { cancel: true },
  ): Promise<{ ok: true; pending: PendingImport; result: R | null } | { ok: false; reason: ImportRefusal; pending: PendingImport | null }>;
}
