import type { Language } from '../../../shared/contract/types.ts';
import type { Text } from '../../../shared/domain/platforms/types.ts';

export const pickText = (t: Text, lang: Language) => (lang === 'zh-CN' ? t.zh : t.en);
