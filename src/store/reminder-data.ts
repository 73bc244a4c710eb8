import { and, eq, gt, inArray, isNull, max, not, or, sql } from 'drizzle-orm';
import type { NudgePreference, Recipient } from '../core/reminders/decide-nudges.js';
import type { Db } from './database.js';
import { auditEvents, identityLinks, nudgePreferences, slackUsers } from './schema.js';

/** What the reminder rules need beyond the plan: who to chase, in which timezone, and what they asked for. */
export class ReminderDataStore {
  constructor(private readonly db: Db) {}

  /**
   * Owner name → the linked people, with their Slack timezone when known. Members Slack reports as
   * deactivated, and bots, are never chased (they are unlinked at the next directory read anyway).
   */
  async recipientsByOwner(): Promise<Map<string, Recipient[]>> {
    const rows = await this.db
      .select({ owner: identityLinks.ownerName, id: identityLinks.externalId, timeZone: slackUsers.timeZone })
      .from(identityLinks)
      .leftJoin(slackUsers, eq(slackUsers.userId, identityLinks.externalId))
      .where(or(isNull(slackUsers.userId), and(not(slackUsers.deleted), not(slackUsers.isBot))));
    const map = new Map<string, Recipient[]>();
    for (const r of rows) map.set(r.owner, [...(map.get(r.owner) ?? []), { id: r.id, timeZone: r.timeZone }]);
    return map;
  }

  /** One plan's snoozes and mutes: a preference is about an item of one plan. */
  async preferences(planId: number): Promise<NudgePreference[]> {
    return this.db
      .select({ item: nudgePreferences.item, recipient: nudgePreferences.recipient, snoozedUntil: nudgePreferences.snoozedUntil, muted: nudgePreferences.muted, setAt: nudgePreferences.setAt })
      .from(nudgePreferences)
      .where(eq(nudgePreferences.planId, planId));
  }

  async setPreference(planId: number, pref: NudgePreference): Promise<void> {
    const { item, recipient, ...rest } = pref;
    await this.db
      .insert(nudgePreferences)
      .values({ planId, ...pref })
      .onConflictDoUpdate({ target: [nudgePreferences.planId, nudgePreferences.item, nudgePreferences.recipient], set: rest });
  }

  /** Item → when it was last re-dated or reopened: that re-arms snoozed and muted nudges. */
  async rearmedAt(planId: number): Promise<Map<string, string>> {
    const rows = await this.db
      .select({ recId: auditEvents.recId, at: max(auditEvents.at) })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.planId, planId),
          or(
            eq(auditEvents.action, 'date_revised'),
            and(eq(auditEvents.action, 'status_changed'), inArray(sql`${auditEvents.before} #>> '{}'`, ['complete', 'not_being_implemented'])),
          ),
        ),
      )
      .groupBy(auditEvents.recId);
    return new Map(rows.filter((r) => r.recId && r.at).map((r) => [r.recId!, new Date(r.at!).toISOString()]));
  }

  /** Items marked complete after an instant (for "completed since the last digest"). */
  async completedSince(planId: number, since: string): Promise<Set<string>> {
    const rows = await this.db
      .selectDistinct({ recId: auditEvents.recId })
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, 'status_changed'), sql`${auditEvents.after} #>> '{}' = 'complete'`, gt(auditEvents.at, since)));
    return new Set(rows.map((r) => r.recId!).filter(Boolean));
  }

  /** When each item last began (or changed what it waits on) to wait: the day of its latest `waiting_changed` event, UTC. */
  async waitingSince(planId: number): Promise<Map<string, string>> {
    const rows = await this.db
      .select({ recId: auditEvents.recId, at: sql<string>`max(${auditEvents.at})` })
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, 'waiting_changed')))
      .groupBy(auditEvents.recId);
    return new Map(rows.filter((r) => r.recId).map((r) => [r.recId!, String(r.at).slice(0, 10)]));
  }
}
