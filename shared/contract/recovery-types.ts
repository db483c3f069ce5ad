// Recovery drafts and login lockouts as the renderer sees them.

import type { Text } from '../domain/platforms/types.ts';
import type { DraftDoc, DraftKind, DraftState } from '../domain/recovery/draft-kinds.ts';
import type { ExpectedWindow } from '../domain/workdays.ts';

export interface DraftView {
  id: string;
  kind: DraftKind;
  shopId: string | null;
  shopName: string | null;
  state: DraftState;
  fields: Record<string, string>;
  checks: Record<string, boolean>;
  /** Field problems (empty when the draft can be marked ready). */
  problems: Record<string, Text>;
  doc: DraftDoc;
  html: string;
  text: string;
  attachments: Array<{ id: string; name: string; size: number; addedAt: string }>;
  sentOn: string | null;
  /** For appeals with a reply window: when a reply is expected (working days). */
  replyWindow: ExpectedWindow | null;
  replyOverdue: boolean;
  updatedAt: string;
}

export interface LockoutView {
  id: string;
  problemId: string;
  label: Text;
  endsAt: number;
}
