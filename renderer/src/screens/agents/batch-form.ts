// What the batch wizard's form holds, shared by its steps.
import { windowPreset } from '../../../../shared/domain/sale-window.ts';

export interface BatchValues {
  shopId: string;
  count: number;
  pattern: string;
  templateId: string;
  preset: 'double11' | '618' | 'custom';
  start: string;
  end: string;
  easyPasswords?: boolean;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new batch starts as a 双11 batch of 30 in the first active shop. */
export const initialBatch = (shopId: string | undefined, now: number): Partial<BatchValues> => ({
  count: 30,
  pattern: '双11客服{01}',
  preset: 'double11',
  ...windowPreset('double11', now),
  shopId,
});
