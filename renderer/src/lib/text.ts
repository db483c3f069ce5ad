import type { Language } from '../../../shared/contract/types.ts';
import type { Text } from '../../../shared/domain/platforms/types.ts';
import { ROLE_NAMES, type RoleId } from '../../../shared/domain/roles.ts';

export const pickText = (t: Text, lang: Language) => (lang === 'zh-CN' ? t.zh : t.en);

/** A template's name as the user reads it: built-in roles in the UI language, custom ones as typed. */
export const templateLabel = (tp: { role: RoleId | null; name: string }, lang: Language) =>
  tp.role ? pickText(ROLE_NAMES[tp.role], lang) : tp.name;
