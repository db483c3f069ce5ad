// One printable handout per temporary agent: account, password, the days it may be used, first steps.
// Opening it is an explicit reveal: each password is fetched through the audited reveal path, held only
// while this screen is open, and never written anywhere by the app.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { TempAgentView } from '../../../../shared/contract/work-types.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { errorText } from '../../i18n/errors.ts';
import { pickText } from '../../lib/text.ts';
import { secretsApi } from '../../secrets/secrets-api.ts';
import { useWork } from '../../stores/work-store.ts';
import '../../print.css';

export function HandoutScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const agents = useWork((s) => s.agents);
  const [sheets, setSheets] = useState<Array<{ agent: TempAgentView; password: string }> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void useWork.getState().loadAgents();
  }, []);
  const key = ids.join(',');
  useEffect(() => {
    const chosen = agents.filter((a) => key.split(',').includes(a.id));
    if (chosen.length === 0) return;
    let live = true;
    void Promise.all(
      chosen.map(async (agent) => ({
        agent,
        password: (
          await secretsApi.reveal({
            ref: { collection: `shop-${agent.shopId}`, recordId: agent.id, field: 'password' },
          })
        ).value,
      })),
    ).then(
      (s) => live && setSheets(s),
      (err) => live && setError(errorText(err, lang)),
    );
    return () => {
      live = false;
    };
  }, [agents, key, lang]);

  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/temp-agents')}>
          {t('work.cards.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!sheets} onClick={() => window.print()}>
          {t('recoveryReq.print')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {!sheets && !error && <Spin tip={t('work.agents.handoutLoading')} />}
      {sheets?.map(({ agent, password }) => (
        <section key={agent.id} className="print-page handout" aria-label={agent.fullName}>
          <Typography.Title level={3}>{t('work.agents.handoutTitle')}</Typography.Title>
          <table className="draft-table">
            <tbody>
              <tr>
                <th>{t('inv.common.shop')}</th>
                <td>
                  {agent.shopName}（{pickText(platform(agent.platform).name, lang)}）
                </td>
              </tr>
              <tr>
                <th>{t('work.agents.handoutAccount')}</th>
                <td>{agent.fullName}</td>
              </tr>
              <tr>
                <th>{t('work.agents.handoutPassword')}</th>
                <td>
                  <code className="handout-password">{password}</code>
                </td>
              </tr>
              <tr>
                <th>{t('work.agents.handoutWindow')}</th>
                <td>
                  {agent.window.start} ~ {agent.window.end}
                </td>
              </tr>
            </tbody>
          </table>
          <Typography.Title level={5}>{t('work.agents.handoutSteps')}</Typography.Title>
          <ol>
            <li>{t('work.agents.handoutStep1')}</li>
            <li>{t('work.agents.handoutStep2')}</li>
            <li>{t('work.agents.handoutStep3')}</li>
            <li>{t('work.agents.handoutStep4')}</li>
          </ol>
        </section>
      ))}
    </>
  );
}
