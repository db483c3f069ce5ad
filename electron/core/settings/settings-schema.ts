import { z } from 'zod';

export const settingsDocSchema = z.strictObject({
  autoLockMinutes: z.number().int().min(1).max(240),
  clipboardSeconds: z.number().int().min(5).max(600),
  language: z.enum(['zh-CN', 'en-US']),
});

export type SettingsDoc = z.infer<typeof settingsDocSchema>;

/** What a first run starts with. Never used to replace a file that exists but is damaged. */
export const DEFAULT_SETTINGS: SettingsDoc = { autoLockMinutes: 5, clipboardSeconds: 30, language: 'zh-CN' };

/** How long a revealed secret stays on screen before the UI hides it again. */
export const REVEAL_SECONDS = 30;
