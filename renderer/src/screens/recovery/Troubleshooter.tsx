import { Alert, Button, Card, List, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import type { DraftKind } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { LOGIN_PROBLEMS, type LoginProblem } from '../../../../shared/domain/recovery/troubleshooter.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useShowError } from '../../hooks/use-show-error.ts';
import { formatLeft } from '../../lib/duration.ts';
import { pickText } from '../../lib/text.ts';
import { useRecovery } from '../../recovery/recovery-store.ts';

const PLATFORMS: Array<LoginProblem['platform']> = ['jd', 'douyin', 'amazon'];

/** Pick the platform and the login page's message: what it means, what to do, and any wait it imposes. */
export function Troubleshooter({ onDraft }: { onDraft: (k: DraftKind) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute } = useMutation();
  const [p, setP] = useState<LoginProblem['platform']>('jd');
  const [problemId, setProblemId] = useState<string | undefined>();
  const lockouts = useRecovery((s) => s.lockouts);
  // Countdowns end in main (which notifies); this screen only shows them. Skew: the core's clock.
  const [skew, setSkew] = useState(0);
  const now = useNow(skew);
  const showError = useShowError();
  useEffect(() => {
    const store = useRecovery.getState();
    store.loadLockouts().catch(showError);
    return store.listen();
  }, [showError]);
  const problem = LOGIN_PROBLEMS.find((x) => x.id === problemId);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select
          aria-label={t('recoveryReq.platform')}
          style={{ width: 140 }}
          value={p}
          onChange={(v) => {
            setP(v);
            setProblemId(undefined);
          }}
          options={PLATFORMS.map((id) => ({ value: id, label: pickText(platform(id).name, lang) }))}
        />
        <Select
          aria-label={t('recoveryReq.message')}
          placeholder={t('recoveryReq.pickMessage')}
          style={{ width: 420 }}
          value={problemId}
          onChange={setProblemId}
          showSearch
          optionFilterProp="label"
          options={LOGIN_PROBLEMS.filter((x) => x.platform === p).map((x) => ({
            value: x.id,
            label: pickText(x.message, lang),
          }))}
        />
      </Space>
      {problem && (
        <Card
          size="small"
          role="region"
          aria-label={t('recoveryReq.meaning')}
          title={pickText(problem.message, lang)}
        >
          <Typography.Paragraph>
            <strong>{t('recoveryReq.meaning')}：</strong>
            {pickText(problem.meaning, lang)}
          </Typography.Paragraph>
          <Typography.Text strong>{t('recoveryReq.steps')}</Typography.Text>
          <ol>
            {problem.steps.map((s) => (
              <li key={s.zh}>{pickText(s, lang)}</li>
            ))}
          </ol>
          <Space>
            {problem.lockout && (
              <Button
                type="primary"
                onClick={async () => {
                  const l = await execute(() => useRecovery.getState().startLockout(problem.id));
                  if (!l) return;
                  // The answer carries the core's end time; align the local clock to it.
                  setSkew(Date.now() - (l.endsAt - problem.lockout!.minutes * 60_000));
                }}
              >
                {t('recoveryReq.startLockout', { label: pickText(problem.lockout.label, lang) })}
              </Button>
            )}
            {problem.draft && (
              <Button onClick={() => onDraft(problem.draft!)}>{t('recoveryReq.draftIt')}</Button>
            )}
          </Space>
        </Card>
      )}
      {lockouts.length > 0 && (
        <Card size="small" title={t('recoveryReq.lockouts')}>
          <List
            dataSource={lockouts}
            renderItem={(l) => (
              <List.Item
                actions={[
                  <Button
                    key="c"
                    size="small"
                    onClick={() => void execute(() => useRecovery.getState().cancelLockout(l.id))}
                  >
                    {t('recoveryReq.lockoutCancel')}
                  </Button>,
                ]}
              >
                <span role="timer" aria-label={pickText(l.label, lang)}>
                  {pickText(l.label, lang)} ·{' '}
                  {t('recoveryReq.lockoutLeft', { left: formatLeft(Math.max(0, l.endsAt - now), lang) })}
                </span>
              </List.Item>
            )}
          />
        </Card>
      )}
      {lockouts.length === 0 && problem?.lockout && (
        <Alert type="info" showIcon message={pickText(problem.meaning, lang)} />
      )}
    </Space>
  );
}
