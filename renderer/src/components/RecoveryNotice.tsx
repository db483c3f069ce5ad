import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecoveryEvent } from '../../../shared/contract/types.ts';
import { beijingSeconds } from '../lib/duration.ts';
import { useSession } from '../stores/session-store.ts';

/** Tells the user which file was damaged, what was wrong, where it went and what was restored. */
export function RecoveryNotice() {
  const { t } = useTranslation();
  const recovery = useSession((s) => s.recovery).filter((e) => e.restoredFrom !== null);
  if (recovery.length === 0) return null;
  const line = (e: RecoveryEvent) => {
    const vars = {
      file: e.file,
      problem: t(`recovery.problems.${e.problem}`),
      movedTo: e.movedTo,
      restoredFrom: e.restoredFrom,
      restoredAt: e.restoredVersionAt ? beijingSeconds(Date.parse(e.restoredVersionAt)) : '?',
      count: e.replayed ?? 0,
      lost: (e.lost ?? []).join('、'),
      lostCount: e.lost?.length ?? 0,
    };
    // A change log (journal, audit log) keeps its good lines: say what was kept, not "a version restored".
    const kind =
      e.problem === 'interrupted-import'
        ? 'itemImport'
        : e.problem === 'interrupted-restore'
          ? 'itemRestore'
          : e.problem === 'missing'
            ? 'itemMissing'
            : e.problem === 'torn-tail'
              ? 'itemTorn'
              : e.restoredVersionAt === null
                ? 'itemKept'
                : 'item';
    const parts = [t(`recovery.${kind}`, vars)];
    if (e.replayed && e.problem !== 'interrupted-import') parts.push(t('recovery.replayed', vars));
    parts.push(vars.lostCount > 0 ? t('recovery.lost', vars) : t('recovery.nothingLost'));
    return parts.join(' ');
  };
  return (
    <Alert
      type="warning"
      showIcon
      closable
      role="alert"
      title={t('recovery.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {recovery.map((e) => (
            <li key={`${e.file}-${e.at}`}>{line(e)}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
