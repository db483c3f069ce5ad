import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DepositCaseView } from '../../../../shared/contract/deposit-types.ts';
import { SECTIONS } from '../../../../shared/domain/deposit/checklist-templates.ts';
import { type CaseAction, caseActions } from '../../../../shared/domain/deposit/deposit-case.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { shanghaiDate } from '../../../../shared/domain/workdays.ts';
import { useDeposit } from '../../deposit/deposit-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useShowError } from '../../hooks/use-show-error.ts';
import { beijing } from '../../lib/duration.ts';
import { pickText } from '../../lib/text.ts';
import { AccountForm } from './AccountForm.tsx';
import { CaseStateTag } from './CaseStateTag.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';

/** Entries written before issue 10 start with the state codes (`approved → refunded: …`): in words. */
function detailInWords(detail: string, t: TFunction): string {
  const m = /^([a-z-]+) → ([a-z-]+)(?::\s*(.*))?$/.exec(detail);
  if (!m) return detail;
  return `${t(`deposit.state.${m[1]}`)} → ${t(`deposit.state.${m[2]}`)}${m[3] ? `：${m[3]}` : ''}`;
}

const NEEDS: Partial<Record<CaseAction['type'], 'date' | 'reason'>> = {
  submit: 'date',
  confirmArrival: 'date',
  reject: 'reason',
  block: 'reason',
};

/** One deposit-refund case: state and its next steps, the expected window, the checklist, the timeline. */
export function DepositCaseScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { execute } = useMutation();
  const c = useDeposit((s) => s.current);
  const open = useDeposit((s) => s.open);
  const [asking, setAsking] = useState<CaseAction['type'] | null>(null);
  const [form] = Form.useForm<{ date?: Dayjs; reason?: string }>();
  // Read once per case opened (not again when the language or the message API changes identity).
  const showError = useShowError();
  useEffect(() => {
    open(id).catch(showError);
  }, [id, open, showError]);
  /** A change of the case with the app's error handling (the store shows the saved case, see deposit-store). */
  const run = (fn: () => Promise<DepositCaseView>) => execute(fn);

  if (!c || c.id !== id) return <Spin />;
  const act = async (type: CaseAction['type'], value?: string) => {
    const need = NEEDS[type];
    const action = (
      need === 'date' ? { type, date: value } : need === 'reason' ? { type, reason: value } : { type }
    ) as CaseAction;
    return run(() => useDeposit.getState().act(action));
  };
  const onAction = (type: CaseAction['type']) => {
    if (!NEEDS[type]) return void act(type);
    form.setFieldsValue(NEEDS[type] === 'date' ? { date: dayjs(shanghaiDate(Date.now())) } : { reason: '' });
    setAsking(type);
  };
  /** The asked date or reason goes with the action; a refusal of the date shows on the date field. */
  const confirmAsked = async () => {
    if (!asking) return;
    const v = await form.validateFields();
    const type = asking;
    const action = (
      NEEDS[type] === 'date'
        ? { type, date: v.date!.format('YYYY-MM-DD') }
        : { type, reason: (v.reason ?? '').trim() }
    ) as CaseAction;
    const next = await execute(() => useDeposit.getState().act(action), { form });
    if (!next) return;
    setAsking(null);
  };

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/deposit')}>
          {t('work.cards.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('deposit.title')} · {c.shopName}
        </Typography.Title>
        <CaseStateTag state={c.state} />
      </Space>
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('inv.common.platform')}>
          {pickText(platform(c.platform).name, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('inv.shops.entityType')}>
          {c.entityType === 'individual' ? t('inv.shops.individual') : t('inv.shops.enterprise')}
        </Descriptions.Item>
        <Descriptions.Item label={t('deposit.amount')}>¥{c.amount.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label={t('deposit.progress', { done: c.progress.done, total: c.progress.total })}>
          <Progress percent={c.progress.percent} size="small" style={{ width: 140, margin: 0 }} />
        </Descriptions.Item>
      </Descriptions>
      <Space
        direction="vertical"
        style={{ width: '100%', marginBottom: 12 }}
        role="status"
        aria-label={t('inv.common.status')}
      >
        {c.window && c.state !== 'refunded' && (
          <Alert
            type="info"
            showIcon
            message={t('deposit.window', { from: c.window.from, to: c.window.to })}
          />
        )}
        {c.window?.beyondData && (
          <Alert type="warning" showIcon message={t('deposit.beyondData', { year: c.holidayDataUntil })} />
        )}
        {c.overdue && <Alert type="error" showIcon message={t('deposit.overdue')} />}
        {c.state === 'rejected' && c.rejectionReason && (
          <Alert type="warning" showIcon message={t('deposit.rejected', { reason: c.rejectionReason })} />
        )}
        {c.state === 'blocked' && (
          <Alert type="error" showIcon message={t('deposit.blocked', { reason: c.blockedReason })} />
        )}
        {c.state === 'refunded' && (
          <Alert type="success" showIcon message={t('deposit.refunded', { date: c.refundedOn })} />
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        {caseActions(c.state).map((a) => (
          <Button
            key={a}
            type={a === 'block' ? 'default' : 'primary'}
            danger={a === 'block' || a === 'reject'}
            onClick={() => onAction(a)}
          >
            {t(`deposit.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {SECTIONS.map((s) => (
          <ChecklistSection key={s.id} section={s.id} c={c} run={run}>
            {s.id === 'account' && <AccountForm c={c} run={run} />}
          </ChecklistSection>
        ))}
        <Card size="small" title={t('deposit.timeline')} role="region" aria-label={t('deposit.timeline')}>
          <Timeline
            items={[...c.timeline].reverse().map((e) => ({
              children: (
                <span>
                  <Typography.Text type="secondary">{beijing(Date.parse(e.at))}</Typography.Text>{' '}
                  <strong>
                    {t(`deposit.events.${e.event.replace('.', '_')}`, { defaultValue: e.event })}
                  </strong>{' '}
                  {detailInWords(e.detail, t)}
                </span>
              ),
            }))}
          />
        </Card>
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? t(`deposit.action.${asking}`) : ''}
        onCancel={() => setAsking(null)}
        okText={t('inv.common.confirm')}
        cancelText={t('inv.common.cancel')}
        destroyOnHidden
        onOk={() => void confirmAsked()}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {asking && NEEDS[asking] === 'date' ? (
            <Form.Item
              name="date"
              label={t('deposit.date')}
              rules={[{ required: true, message: t('deposit.date') }]}
            >
              {/* Days after today (Beijing) cannot be picked: an arrival in the future has not happened. */}
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiDate(Date.now())}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label={t('deposit.reason')}
              rules={[{ required: true, whitespace: true, message: t('deposit.reason') }]}
            >
              <Input autoFocus />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
