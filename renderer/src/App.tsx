import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { Activity, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from './hooks/use-lang.ts';
import { useReducedMotion } from './hooks/use-reduced-motion.ts';
import { errorText } from './i18n/errors.ts';
import { loadable } from './loadable.tsx';
import { LockScreen } from './screens/LockScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { StorageErrorScreen } from './screens/StorageErrorScreen.tsx';
import { useSession } from './stores/session-store.ts';

const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";

// Everything behind the lock screen is its own chunk, and each screen within it its own again: the
// first paint carries only the gate, the lock and setup screens (first contentful paint is measured
// against a blank page in `npm run bench`).
const UnlockedApp = loadable(async () => (await import('./routes.tsx')).default);

/** Once the lock screen is up, the app behind it is fetched and evaluated while the password is typed. */
function usePrefetchWhileLocked(locked: boolean): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!locked) return;
    const timer = setTimeout(() => void UnlockedApp.preload().then(() => setLoaded(true)), 250);
    return () => clearTimeout(timer);
  }, [locked]);
  return loaded;
}

/** Counts the locks: each one discards the app's tree, so nothing typed or revealed before it survives. */
function useLockCount(locked: boolean): number {
  // React's documented pattern for state derived from the previous render.
  const [wasLocked, setWasLocked] = useState(locked);
  const [count, setCount] = useState(0);
  if (locked !== wasLocked) {
    setWasLocked(locked);
    if (locked) setCount(count + 1);
  }
  return count;
}

function GateScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useSession((s) => s.status);
  const loadError = useSession((s) => s.loadError);
  if (loadError) return <Result status="error" title={errorText(loadError, lang)} />;
  if (!status) return <Spin fullscreen tip={t('common.loading')} />;
  switch (status.state) {
    case 'unrecoverable':
      return <StorageErrorScreen />;
    case 'uninitialized':
      return <SetupScreen />;
    default:
      return <LockScreen />;
  }
}

function Gate() {
  const { t } = useTranslation();
  const state = useSession((s) => (s.loadError ? null : s.status?.state));
  const locked = state === 'locked';
  const unlocked = state === 'unlocked';
  const loaded = usePrefetchWhileLocked(locked);
  const locks = useLockCount(locked);
  return (
    <>
      {!unlocked && <GateScreen />}
      {/* While the password is typed, the app behind the lock is built hidden, with no data and none of its
          effects run (React's <Activity> pre-rendering: nothing is fetched or subscribed); the unlock then
          only reveals it and its screens load their data. A new tree after every lock. */}
      {(unlocked || (locked && loaded)) && (
        <Activity key={locks} mode={unlocked ? 'visible' : 'hidden'}>
          <Suspense fallback={<Spin fullscreen tip={t('common.loading')} />}>
            <UnlockedApp />
          </Suspense>
        </Activity>
      )}
    </>
  );
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
