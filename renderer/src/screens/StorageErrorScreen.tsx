import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session-store.ts';
import { CenteredCard } from './CenteredCard.tsx';

/** Shown when a file is damaged and no generation is good: nothing is reset, the file stays in place. */
export function StorageErrorScreen() {
  const { t } = useTranslation();
  const recovery = useSession((s) => s.recovery).filter((e) => e.restoredFrom === null);
  const dataDir = useSession((s) => s.info?.dataDir ?? '');
  return (
    <CenteredCard title={t('recovery.unrecoverableTitle')}>
      <Result
        status="error"
        title={t('recovery.unrecoverableTitle')}
        subTitle={
          <div role="alert">
            {recovery.map((e) => (
              <p key={e.file}>
                {t('recovery.unrecoverable', {
                  file: e.file,
                  problem: t(`recovery.problems.${e.problem}`),
                  dataDir,
                })}
              </p>
            ))}
          </div>
        }
      />
    </CenteredCard>
  );
}
