import { Segmented } from 'antd';
import type { Language } from '../../../shared/contract/types.ts';
import { useLang } from '../hooks/use-lang.ts';
import { useSession } from '../stores/session-store.ts';

export function LanguageSwitch() {
  const lang = useLang();
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <Segmented<Language>
      aria-label="语言 / Language"
      size="small"
      value={lang}
      onChange={(v) => void setLanguage(v)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
