// The shape every recovery-request kind has: its fields, the rules they must meet, the document built from
// them (recipient, subject, a table, paragraphs, a checklist) and what a new draft starts with from the shop.
// One shape serves the form, the print view, the e-mail (HTML table + plain text) and the copy buttons.
import type { PlatformId, Text } from '../../platforms/types.ts';

export interface FieldDef {
  key: string;
  label: Text;
  type: 'text' | 'textarea' | 'select' | 'checkbox';
  options?: Array<{ value: string; label: Text }>;
  placeholder?: string;
}

export interface DraftDoc {
  to: string;
  subject: string;
  /** Label/value rows: the table of the e-mail. */
  rows: Array<[string, string]>;
  /**
   * 'columns': the labels are one header row and the values one row beneath (JD's own form, 10 columns);
   * otherwise each label heads its own row.
   */
  tableLayout?: 'columns';
  paragraphs: string[];
  checklist: Array<{ key: string; text: Text }>;
  /** Working days a reply is expected within, or null. */
  replyWithinWorkdays: [number, number] | null;
}

export interface ShopFacts {
  name: string;
  platform: PlatformId;
  entityType: 'individual' | 'enterprise';
  mainLogin: string;
  platformShopId: string;
}

/** Field key -> what is wrong with it; empty means the draft can be marked ready. */
export type Problems = Record<string, Text>;

export interface DraftKindDef {
  label: Text;
  fields: FieldDef[];
  check(fields: Record<string, string>): Problems;
  build(fields: Record<string, string>, submittedAt: string): DraftDoc;
  /** Fields a new draft starts with, from the shop's details (none when absent). */
  prefill?(shop: ShopFacts): Record<string, string>;
}

export const t = (zh: string, en: string): Text => ({ zh, en });

/** `need(key)` marks an empty field as required in `p`. */
export const required = (f: Record<string, string>, p: Problems) => (k: string) => {
  if (!(f[k] ?? '').trim()) p[k] = t('必填', 'Required');
};
