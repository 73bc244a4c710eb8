import type { IsoDate } from '../dates/delivery-window.js';
import type { ChaseQueue, ConversationStore, GovernanceStore, NudgePreferences, PeopleStore, PlanDirectory, PlanInfo, PlanStore } from '../ports.js';
import type { Actor } from './actor.js';

/** Everything a turn needs: who, when, where, and the ports. Built by each front end. */
export interface AskContext {
  plans: PlanDirectory;
  conversations: ConversationStore;
  /** Identity links; only front ends with outside identities (Slack) provide it. */
  people?: PeopleStore;
  /** Messages to owners asking for an update (`chase 4.1.1`), sent by the running app. */
  chases?: ChaseQueue;
  /** Where a person's snoozes and stops of their nudges are kept; only the door that nudges people (Slack) has it. */
  nudges?: NudgePreferences;
  /** Admin of every plan when `admin` is set; each plan adds its own admins (core/ask/plan-scope.ts). */
  actor: Actor;
  now: Date;
  /** The asker's timezone (Slack's `tz`), else the plan's. */
  timeZone?: string;
  /** Where the conversation lives: one pending exchange per person per place. */
  conversationKey: string;
  /** The plan the door named: `--plan KEY` in the terminal, a plan picked in a modal. */
  planKey?: string;
  /** The Slack channel the message was said in: its home plan, if it has one, is the plan meant. */
  channel?: string;
}

/** A turn about one plan, with "today" resolved in its timezone. */
export interface Turn extends AskContext {
  plan: PlanInfo;
  store: PlanStore;
  /** The plan's boards, meetings and decision log. */
  governance: GovernanceStore;
  today: IsoDate;
  timeZone: string;
  /** More than one plan exists, so replies say which plan they are about. */
  manyPlans: boolean;
  /** The speaker administers every plan (CONCERTO_ADMINS, or the terminal's operator): links people, creates plans. */
  adminEverywhere: boolean;
  /** What the turn was made from: a fresh message mid-conversation starts again from here, not with this plan's rights. */
  context: AskContext;
}
