import { STATUSES } from '../src/core/plan/status.js';
import type { PlanFileInput } from '../src/core/plan/plan-file.js';
import { seededRandom } from '../tests/helpers/seeded-random.js';

/**
 * A large plan in the import format, the same every time for the same size: ids in the board's
 * numbering (section.sub.item), people and role owners, delivery phrases as boards write them,
 * and a dated log of updates per item.
 */
export interface PlanSize {
  recommendations: number;
  updates: number;
  owners: number;
}

export const FULL_SIZE: PlanSize = { recommendations: 10_000, updates: 100_000, owners: 2_000 };
export const QUICK_SIZE: PlanSize = { recommendations: 1_000, updates: 10_000, owners: 200 };

/** The plan is as at this day; phrases are read against it, so about a third fall before it. */
export const SYNTHETIC_AS_OF = '2017-10-04';

/** Delivery phrases drawn from the Concerto plan and the way boards write dates generally. */
const PHRASES = [
  'September 2017', 'November 2017', 'By end 2017', 'Autumn 2017', 'With immediate effect', 'Immediate effect',
  '31 March 2018', 'June 2017', 'Completed', '', 'Q1 2018', 'Q4 2017', 'end of Q2 2018', 'H1 2018', 'Spring 2018',
  'Summer 2018', 'Winter 2017', 'early 2018', 'mid-2018', 'late 2017', 'by Christmas 2017', 'Easter 2018',
  'FY 2018/19', 'end of financial year', 'January 2018', 'Feb 2018', 'by 15 December 2017', '30/11/2017',
  'October to December 2017', 'end of March 2018', 'w/c 4 December 2017', 'ongoing', 'TBC', 'by end of year',
];

const THEMES = ['Governance', 'Finance', 'Workforce', 'Estates', 'Digital', 'Procurement', 'Clinical services', 'Communications', 'Risk', 'Partnerships'];
const FIRST = ['Karen', 'Nick', 'Alison', 'Rachel', 'Sam', 'Priya', 'Tom', 'Helen', 'Owen', 'Grace', 'Imran', 'Jo', 'Mark', 'Ruth', 'Ade', 'Fiona', 'Leo', 'Mei', 'Dan', 'Zara'];
const LAST = ['Georgiou', 'Shackleton', 'Roome-Gifford', 'Patel', 'Okafor', 'Nguyen', 'Smith', 'Evans', 'Hughes', 'Kaur', 'Walsh', 'Byrne', 'Ahmed', 'Clarke', 'Lewis'];
const ROLES = ['Portfolio Office', 'Programme Director', 'Chief Finance Officer', 'Head of Estates', 'Director of Workforce', 'PCC’s', 'SAS Chair', 'JCOB', 'Digital Lead', 'Head of Procurement'];
const UPDATE_WORDS = ['Awaits agreement of new governance framework', 'Paper to SAS in', 'Decision log circulated', 'Draft shared with JCOB', 'Workshop held with leads', 'Revised timetable agreed', 'Business case in preparation', 'Consultation closed', 'Risk register updated', 'Complete – evidence filed'];

export function ownerNames(count: number): string[] {
  const names: string[] = [...ROLES.slice(0, Math.min(ROLES.length, count))];
  for (let i = 0; names.length < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const n = Math.floor(i / (FIRST.length * LAST.length));
    names.push(n === 0 ? `${first} ${last}` : `${first} ${last} ${n + 1}`);
  }
  return names;
}

/** The i-th id in board numbering: 1.1.1 … 1.1.20, 1.2.1 … — 20 items a subsection, 25 subsections a section. */
export function syntheticId(i: number): string {
  return `${Math.floor(i / 500) + 1}.${Math.floor(i / 20) % 25 + 1}.${(i % 20) + 1}`;
}

function isoDay(base: string, plusDays: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

export function syntheticPlan(size: PlanSize, seed = 20171004): PlanFileInput {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const owners = ownerNames(size.owners);
  const perItem = size.updates / size.recommendations;
  let updatesLeft = size.updates;
  const recommendations = Array.from({ length: size.recommendations }, (_, i) => {
    // An even spread with some jitter; the last item takes the remainder, so the total is exact.
    const jittered = Math.max(0, Math.round(perItem + (rand() - 0.5) * perItem));
    const count = i === size.recommendations - 1 ? updatesLeft : Math.min(jittered, updatesLeft);
    updatesLeft -= count;
    const ownerCount = 1 + Math.floor(rand() * 2);
    const recOwners = [...new Set(Array.from({ length: ownerCount }, () => owners[(i * 7 + Math.floor(rand() * owners.length)) % owners.length]!))];
    const delivery = pick(PHRASES);
    const revised = rand() < 0.15;
    return {
      id: syntheticId(i),
      theme: pick(THEMES),
      text: `Recommendation ${syntheticId(i)}: the board should ${pick(['agree', 'review', 'publish', 'introduce', 'consolidate'])} the ${pick(['decision log', 'benefits register', 'estates strategy', 'workforce plan', 'risk appetite', 'assurance framework'])} and report progress to JCOB.`,
      owners: recOwners,
      status: pick(STATUSES),
      delivery: revised ? pick(PHRASES.filter((p) => p)) : delivery,
      baseline: revised ? delivery : null,
      updates: Array.from({ length: count }, (_, k) => ({
        date: isoDay('2016-01-04', Math.floor(((k + 1) / (count + 1)) * 630)),
        author: rand() < 0.6 ? pick(recOwners) : null,
        text: `${pick(UPDATE_WORDS)} (${syntheticId(i)} #${k + 1}).`,
      })),
    };
  });
  return { title: `Synthetic action plan (${size.recommendations} recommendations)`, asOf: SYNTHETIC_AS_OF, timeZone: 'Europe/London', recommendations };
}
