import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { type DraftState, KIND_LABELS } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { pickText } from '../../lib/text.ts';

const ORDER: DraftState[] = ['draft', 'ready', 'sent', 'resolved'];
/** The one step forward from each state (a resolved request has none). */
const NEXT: Partial<Record<DraftState, { to: DraftState; label: string }>> = {
  draft: { to: 'ready', label: 'recoveryReq.markReady' },
  ready: { to: 'sent', label: 'recoveryReq.markSent' },
  sent: { to: 'resolved', label: 'recoveryReq.markResolved' },
};

/** Title, save status, where the request stands and the buttons that move it on. */
export function DraftHeader(props: {
  draft: DraftView;
  saving: boolean;
  onBack(): void;
  onState(state: DraftState): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = props.draft;
  const problems = Object.keys(d.problems).length;
  const next = NEXT[d.state];
  return (
    <div className="no-print">
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={props.onBack}>
          {t('work.cards.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {pickText(KIND_LABELS[d.kind], lang)}
        </Typography.Title>
        <Typography.Text type="secondary" role="status">
          {props.saving ? t('recoveryReq.saving') : t('recoveryReq.saved')}
        </Typography.Text>
      </Space>
      <Steps
        size="small"
        current={ORDER.indexOf(d.state)}
        style={{ maxWidth: 640, margin: '12px 0' }}
        items={ORDER.map((s) => ({ title: t(`recoveryReq.state.${s}`) }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {next && (
          <Button type="primary" onClick={() => props.onState(next.to)}>
            {t(next.label)}
          </Button>
        )}
        {d.state !== 'draft' && (
          <Button onClick={() => props.onState('draft')}>{t('recoveryReq.backToDraft')}</Button>
        )}
        {problems > 0 && (
          <Typography.Text type="warning">{t('recoveryReq.incomplete', { count: problems })}</Typography.Text>
        )}
      </Space>
      {d.replyWindow && d.state === 'sent' && (
        <Alert
          type="info"
          showIcon
          message={t('recoveryReq.replyWindow', { from: d.replyWindow.from, to: d.replyWindow.to })}
        />
      )}
      {d.replyOverdue && (
        <Alert type="error" showIcon message={t('recoveryReq.replyOverdue')} style={{ marginTop: 8 }} />
      )}
    </div>
  );
}
