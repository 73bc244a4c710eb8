import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Board } from '../core/governance/board.js';
import type { Decision, NewDecision } from '../core/governance/decision.js';
import type { Meeting } from '../core/governance/meeting.js';
import type { IsoDate } from '../core/dates/delivery-window.js';
import type { Source } from '../core/plan/recommendation.js';
import type { ChangeMeta, GovernanceStore, PlanInfo } from '../core/ports.js';
import type { Db } from './database.js';
import { queueDecisionNotices } from './decision-notices.js';
import { writablePlan } from './plan-rows.js';
import { writeAudit, type AuditRow } from './plan-writes.js';
import { sortKeyOf } from './rec-rows.js';
import { boards, decisions, meetings, recommendations } from './schema.js';
import { StoreError } from './store-error.js';

/** One plan's boards, meetings and decision log, each write with its audit events in one transaction. */
export class DrizzleGovernanceStore implements GovernanceStore {
  constructor(
    private readonly db: Db,
    private readonly plan: PlanInfo,
  ) {}

  async boards(): Promise<Board[]> {
    const rows = await this.db.select().from(boards).where(eq(boards.planId, this.plan.id)).orderBy(asc(boards.name));
    return rows.map((r) => ({ id: r.id, name: r.name, title: r.title }));
  }

  addBoard(name: string, title: string | null, meta: ChangeMeta): Promise<Board> {
    return this.write(async (tx) => {
      // The unique index decides between two admins adding the same board at once.
      const [row] = await tx.insert(boards).values({ planId: this.plan.id, name, title, createdAt: meta.at }).onConflictDoNothing().returning();
      if (!row) throw new StoreError('board_exists', `${this.plan.key} already has a board ${name}. Type \`meetings\` to see its meetings, or \`meeting add ${name} DATE\` to add one.`);
      await writeAudit(tx, this.plan.id, meta, [{ recId: null, action: 'board_added', before: null, after: { name, title } }]);
      return { id: row.id, name: row.name, title: row.title };
    });
  }

  async meetings(): Promise<Meeting[]> {
    const rows = await this.db
      .select({ id: meetings.id, board: boards.name, date: meetings.date, papersBy: meetings.papersBy })
      .from(meetings)
      .innerJoin(boards, eq(boards.id, meetings.boardId))
      .where(eq(meetings.planId, this.plan.id))
      .orderBy(asc(meetings.date), asc(boards.name));
    return rows;
  }

  addMeeting(board: string, date: IsoDate, papersBy: IsoDate, meta: ChangeMeta): Promise<Meeting> {
    return this.write(async (tx) => {
      const found = await this.boardIn(tx, board);
      const [row] = await tx.insert(meetings).values({ planId: this.plan.id, boardId: found.id, date, papersBy, createdAt: meta.at }).onConflictDoNothing().returning();
      if (!row) throw new StoreError('meeting_exists', `${board} already meets on ${date}. Type \`meetings\` to see the meetings there are.`);
      await writeAudit(tx, this.plan.id, meta, [{ recId: null, action: 'meeting_added', before: null, after: { board, date, papersBy } }]);
      return { id: row.id, board, date, papersBy };
    });
  }

  async decisions(): Promise<Decision[]> {
    const rows = await this.db
      .select({ d: decisions, board: boards.name, meetingDate: meetings.date })
      .from(decisions)
      .innerJoin(boards, eq(boards.id, decisions.boardId))
      .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(eq(decisions.planId, this.plan.id))
      .orderBy(asc(decisions.decidedOn), asc(decisions.id));
    return rows.map(({ d, board, meetingDate }) => decisionOf(d, board, meetingDate));
  }

  recordDecision(decision: NewDecision, meta: ChangeMeta): Promise<Decision> {
    return this.write(async (tx) => {
      const board = await this.boardIn(tx, decision.board);
      let meetingId: number | null = null;
      if (decision.meetingDate) {
        const [m] = await tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.boardId, board.id), eq(meetings.date, decision.meetingDate)));
        if (!m) throw new StoreError('not_found', `${board.name} has no meeting on ${decision.meetingDate}. Add it with \`meeting add ${board.name} ${decision.meetingDate}\`, or record the decision without a meeting.`);
        meetingId = m.id;
      }
      const affects = [...new Set(decision.affects)];
      if (affects.length) {
        const known = await tx
          .select({ recId: recommendations.recId })
          .from(recommendations)
          .where(and(eq(recommendations.planId, this.plan.id), inArray(recommendations.recId, affects)));
        const missing = affects.filter((id) => !known.some((k) => k.recId === id));
        if (missing.length) throw new StoreError('not_found', `${this.plan.key} has no ${missing.join(', ')}. Check the ids (\`list\` shows them) and record the decision again; nothing was saved.`);
      }
      affects.sort((a, b) => sortKeyOf(a).localeCompare(sortKeyOf(b)));
      if (decision.supersedes !== null) {
        const [old] = await tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.planId, this.plan.id), eq(decisions.id, decision.supersedes)));
        if (!old) throw new StoreError('not_found', `There is no decision ${decision.supersedes} in ${this.plan.key}. Type \`decisions\` to see the log with its numbers.`);
      }
      const [row] = await tx
        .insert(decisions)
        .values({
          planId: this.plan.id,
          boardId: board.id,
          meetingId,
          decidedOn: decision.decidedOn,
          text: decision.text.trim(),
          affects,
          supersedes: decision.supersedes,
          recordedAt: meta.at,
          recordedBy: meta.actor,
          actorId: meta.actorId ?? null,
          source: meta.source,
        })
        // The unique index on supersedes: two corrections of one decision at once leave one.
        .onConflictDoNothing()
        .returning();
      if (!row) throw new StoreError('conflict', `Decision ${decision.supersedes} has already been corrected. Type \`decisions\` to see the log, and correct the latest entry instead.`);
      const recorded = decisionOf(row, board.name, decision.meetingDate);
      const after = { id: recorded.id, board: recorded.board, meetingDate: recorded.meetingDate, decidedOn: recorded.decidedOn, text: recorded.text, affects, supersedes: recorded.supersedes };
      const events: AuditRow[] = affects.length ? affects.map((recId) => ({ recId, action: 'decision_recorded', before: null, after })) : [{ recId: null, action: 'decision_recorded', before: null, after }];
      await writeAudit(tx, this.plan.id, meta, events);
      await queueDecisionNotices(tx, this.plan, recorded, meta);
      return recorded;
    });
  }

  private async boardIn(tx: Db, name: string): Promise<{ id: number; name: string }> {
    const [row] = await tx.select({ id: boards.id, name: boards.name }).from(boards).where(and(eq(boards.planId, this.plan.id), eq(boards.name, name)));
    if (!row) {
      const all = await tx.select({ name: boards.name }).from(boards).where(eq(boards.planId, this.plan.id)).orderBy(asc(boards.name));
      const known = all.length ? ` The plan's boards are ${all.map((b) => b.name).join(', ')}.` : '';
      throw new StoreError('not_found', `${this.plan.key} has no board ${name}.${known} Add it with \`board add ${name}\`.`);
    }
    return row;
  }

  /** A write in one transaction, refused on an archived plan (checked under the plan row's lock). */
  private write<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      await writablePlan(tx, this.plan.id);
      return work(tx);
    });
  }
}

function decisionOf(d: typeof decisions.$inferSelect, board: string, meetingDate: IsoDate | null): Decision {
  return {
    id: d.id,
    board,
    meetingDate,
    decidedOn: d.decidedOn,
    text: d.text,
    affects: d.affects,
    supersedes: d.supersedes,
    recordedAt: new Date(d.recordedAt).toISOString(),
    recordedBy: d.recordedBy,
    recordedById: d.actorId,
    source: d.source as Source,
  };
}
