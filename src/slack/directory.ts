import type { Logger } from '@slack/bolt';
import { autoLinkHolds, autoLinkTarget, isActive, membersByName, type Member } from '../core/people/auto-link.js';
import type { ChangeMeta } from '../core/ports.js';
import { isTimeZone } from '../core/dates/today.js';
import { normaliseName } from '../core/plan/owners.js';
import type { SlackProfile } from '../store/slack-user-cache.js';
import type { SlackDeps } from './deps.js';
import { retryAfterOf } from './fail-fast-client.js';

/** The directory is read again once it is this old (checked hourly, by whichever instance looks first). */
const DIRECTORY_MAX_AGE_MS = 23 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** users.list is Tier 2: a page of 200 members, and at most a few waits for Retry-After. */
const PAGE_SIZE = 200;
const MAX_WAITS = 5;

type Deps = Pick<SlackDeps, 'services' | 'people' | 'users' | 'background'>;

interface SlackMember {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  profile?: { real_name?: string; display_name?: string };
}

/** What Concerto keeps of a Slack member, from users.info or users.list. `USLACKBOT` is a bot, though Slack does not flag it. */
export function profileOf(m: SlackMember, fetchedAt: string): SlackProfile | null {
  if (!m.id) return null;
  const realName = m.profile?.real_name || m.real_name || null;
  return {
    userId: m.id,
    realName,
    nameKey: realName ? normaliseName(realName) || null : null,
    displayName: m.profile?.display_name || m.name || null,
    timeZone: m.tz && isTimeZone(m.tz) ? m.tz : null,
    deleted: Boolean(m.deleted),
    isBot: Boolean(m.is_bot) || m.id === 'USLACKBOT',
    fetchedAt,
  };
}

function concertoMeta(deps: Deps): ChangeMeta {
  return { actor: 'concerto', actorId: null, source: 'slack', at: deps.services.clock.now().toISOString() };
}

/**
 * Reads the whole member directory when it is older than a day, then brings the links in line:
 * members who left and bots are unlinked, automatic links whose match no longer holds are undone,
 * and members whose full name is theirs alone are linked to the person owner of that name.
 */
export class SlackDirectory {
  private first: Promise<boolean> = Promise.resolve(false);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly logger: Logger,
  ) {}

  /**
   * Reads the directory now if it is due. The very first read (a new installation) is waited for by
   * people's first requests, so nobody is refused for want of a link that is seconds away; after that
   * a refresh runs in the background and nobody waits for it.
   */
  start(): void {
    this.first = this.deps.users.directoryReadAt().then(
      (readAt) => (readAt ? (void this.refreshIfDue(), true) : this.refreshIfDue()),
      () => this.refreshIfDue(),
    );
    this.timer = setInterval(() => void this.refreshIfDue(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Resolves once the directory is usable: true when it has been read at least once. */
  ready(): Promise<boolean> {
    return this.first;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => false);
  }

  refreshIfDue(): Promise<boolean> {
    this.running ??= this.readIfDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async readIfDue(): Promise<boolean> {
    try {
      const readAt = await this.deps.users.directoryReadAt();
      const now = this.deps.services.clock.now();
      if (readAt && now.getTime() - Date.parse(readAt) < DIRECTORY_MAX_AGE_MS && Date.parse(readAt) <= now.getTime()) return true;
      const members = await this.readAll();
      await this.deps.users.putMany(members);
      // Recorded as read only once the links are in line with it: a failure part-way is tried again.
      await reconcileLinks(this.deps);
      await this.deps.users.markDirectoryRead(now.toISOString(), members.length);
      return true;
    } catch (err) {
      this.logger.warn(`Could not read the Slack member directory (users.list); automatic linking waits for the next try: ${(err as Error).message}`);
      return (await this.deps.users.directoryReadAt().catch(() => null)) !== null;
    }
  }

  private async readAll(): Promise<SlackProfile[]> {
    const at = this.deps.services.clock.now().toISOString();
    const out: SlackProfile[] = [];
    let cursor: string | undefined;
    let waits = 0;
    do {
      try {
        const page = await this.deps.background.users.list({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
        for (const m of (page.members ?? []) as SlackMember[]) {
          const p = profileOf(m, at);
          if (p) out.push(p);
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } catch (err) {
        const wait = retryAfterOf(err);
        if (wait === null || ++waits > MAX_WAITS) throw err;
        await new Promise((r) => setTimeout(r, wait * 1000));
      }
    } while (cursor);
    return out;
  }
}

/** Unlinks members who left and bots, and undoes automatic links that no longer hold; then links unique names. */
export async function reconcileLinks(deps: Deps): Promise<void> {
  const members = await deps.users.members();
  const byId = new Map(members.map((m) => [m.id, m]));
  const inactive = new Set(await deps.users.inactiveIds());
  const links = await deps.people.links();
  // One pass over the links, not a query per departed member: a workspace keeps every member who ever left.
  for (const id of new Set(links.map((l) => l.externalId).filter((id) => inactive.has(id)))) {
    await deps.people.unlinkAll(id, concertoMeta(deps), 'deactivated in Slack, or a bot');
  }
  for (const l of links) {
    const m = byId.get(l.externalId);
    if (l.auto && m && !inactive.has(l.externalId) && !autoLinkHolds(m, l.ownerName)) await deps.people.unlink(l.externalId, l.ownerName, concertoMeta(deps));
  }
  await linkUniqueNames(deps, members, membersByName(members));
}

/** Links one member met since the directory was read, if their full name is theirs alone and an owner's. */
export async function linkByName(deps: Deps, member: Member & { nameKey: string | null }): Promise<void> {
  if (!member.nameKey || !isActive(member)) return;
  const others = (await deps.users.membersNamed(member.nameKey)).filter((m) => m.id !== member.id);
  await linkUniqueNames(deps, [member], membersByName([member, ...others]));
}

/** Links each given member whose full name is theirs alone to the person owner of that name. */
async function linkUniqueNames(deps: Deps, candidates: readonly Member[], byName: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const owners = await deps.services.plans.ownerNames().catch(() => [] as string[]);
  for (const m of candidates) {
    const owner = autoLinkTarget(m, owners, byName);
    if (!owner) continue;
    // An owner someone already acts for, or a pairing an admin (or Concerto) has undone, is left to admins.
    if ((await deps.people.membersOf([owner])).length || (await deps.people.wasUnlinked(m.id, owner))) continue;
    await deps.people.link(m.id, owner, true, concertoMeta(deps));
  }
}
