import type { PlanFileInput } from '../plan-file.js';

/** What a column of a plan table can mean. */
/** `revised`: a revised date beside the first ("Revised target"); `original`: the first beside the date now in force ("Original target date"). */
export const FIELDS = ['id', 'text', 'owner', 'update', 'delivery', 'revised', 'original', 'status', 'rag', 'theme', 'priority'] as const;
export type Field = (typeof FIELDS)[number];

export interface MappedColumn {
  field: Field;
  /** 1-based, as a person counts columns in the document. */
  column: number;
  /** The heading as written in the header row. */
  heading: string;
  /** 'heading' when recognised from its wording, 'map' when the caller named it (--map). */
  how: 'heading' | 'map';
}

export interface ReadPlanTableOptions {
  title: string;
  /** The plan's date (YYYY-MM-DD): undated updates are dated this day, delivery phrases are read as of it. */
  asOf: string;
  timeZone: string;
  /** Field → heading text, overriding the guess ("owner=Lead officer"). */
  map?: Partial<Record<Field, string>>;
  /** The table to read, when the person chose one: its number ("2") or name; otherwise the best is picked. */
  table?: string;
}

export type TableReading =
  | {
      ok: true;
      plan: PlanFileInput;
      /** The title block above the header row ("Internal Audit Tracker 2018"), when the table has one. */
      titleRow: string | null;
      /** The chosen table's name. */
      table: string;
      /** Why this table, and how to choose another when several qualify. */
      why: string;
      headerRow: number;
      /** The first row of a header written in two rows, when it is. */
      headerFrom?: number;
      columns: MappedColumn[];
      /** Headings present in the header row that no field uses. */
      ignoredColumns: string[];
      skipped: Array<{ row: number; reason: string }>;
      flaggedDates: Array<{ row: number; id: string; text: string; reason: string }>;
      /** Ids written on more than one row; only the first row is in `plan`. */
      duplicates: Array<{ id: string; rows: number[] }>;
      notes: string[];
    }
  | { ok: false; error: string };

export type PlanItemInput = PlanFileInput['recommendations'][number];
