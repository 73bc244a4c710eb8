import type { IsoDate } from '../dates/delivery-window.js';
import type { ConversationStore, PeopleStore, PlanInfo, PlanStore } from '../ports.js';
import type { Actor } from './actor.js';

/** Everything a turn needs: who, when, and the ports. Built by each front end. */
export interface AskContext {
  store: PlanStore;
  conversations: ConversationStore;
  /** Identity links; only front ends with outside identities (Slack) provide it. */
  people?: PeopleStore;
  actor: Actor;
  now: Date;
  /** The asker's timezone (Slack's `tz`), else the plan's. */
  timeZone?: string;
  /** Where the conversation lives: one pending exchange per person per place. */
  conversationKey: string;
}

/** A turn with the plan and "today" resolved. */
export interface Turn extends AskContext {
  plan: PlanInfo;
  today: IsoDate;
  timeZone: string;
}
