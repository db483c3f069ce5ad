import type { Language } from '../../../shared/contract/types.ts';
import { useSession } from '../stores/session-store.ts';

export const useLang = (): Language => useSession((s) => s.settings?.language ?? 'zh-CN');
