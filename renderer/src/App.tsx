import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from './hooks/use-lang.ts';
import { useReducedMotion } from './hooks/use-reduced-motion.ts';
import { errorText } from './i18n/errors.ts';
import { LockScreen } from './screens/LockScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { StorageErrorScreen } from './screens/StorageErrorScreen.tsx';
import { useSession } from './stores/session-store.ts';

const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";

// Everything behind the lock screen is its own chunk, and each screen within it its own again: the
// first paint carries only the gate, the lock and setup screens (first contentful paint is measured
// against a blank page in `npm run bench`).
const loadUnlocked = () => import('./routes.tsx');
const UnlockedApp = lazy(loadUnlocked);

/** Once the lock screen is up, the app behind it is fetched and evaluated while the password is typed. */
function usePrefetchWhileLocked(locked: boolean) {
  useEffect(() => {
    if (!locked) return;
    const timer = setTimeout(() => void loadUnlocked(), 250);
    return () => clearTimeout(timer);
  }, [locked]);
}

function Gate() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useSession((s) => s.status);
  const loadError = useSession((s) => s.loadError);
  usePrefetchWhileLocked(status?.state === 'locked');
  if (loadError) return <Result status="error" title={errorText(loadError, lang)} />;
  if (!status) return <Spin fullscreen tip={t('common.loading')} />;
  switch (status.state) {
    case 'unrecoverable':
      return <StorageErrorScreen />;
    case 'uninitialized':
      return <SetupScreen />;
    case 'locked':
      return <LockScreen />;
    default:
      return (
        <Suspense fallback={<Spin fullscreen tip={t('common.loading')} />}>
          <UnlockedApp />
        </Suspense>
      );
  }
}

export function App() {
  const lang = useLang();
  const reduced = useReducedMotion();
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCNLocale : enUSLocale}
      // People who turn animations off in the OS get none here either (antd's motion token).
      theme={{ token: { fontFamily: FONT_STACK, motion: !reduced } }}
    >
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}
