import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepositCaseView } from '../../../../shared/contract/deposit-types.ts';
import { AppError } from '../../../../shared/contract/errors.ts';
import { useDeposit } from '../../deposit/deposit-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';

/** Runs a change with the app's error handling; the result, or undefined when refused (already shown). */
type Run = (fn: () => Promise<DepositCaseView>) => Promise<DepositCaseView | undefined>;

/** The refund account: who may receive the money follows the shop's entity type; the number is sealed. */
export function AccountForm({ c, run }: { c: DepositCaseView; run: Run }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute } = useMutation();
  const [form] = Form.useForm<{
    kind: 'personal' | 'corporate';
    holder: string;
    bank: string;
    number: string;
  }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  // The form is open while there is no account yet, or while changing it; saving closes it.
  const [editing, setEditing] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    const next = await run(async () => {
      try {
        return await useDeposit.getState().setAccount(v);
      } catch (err) {
        // The rule's reason is shown beside the form, not only as a toast.
        if (err instanceof AppError && err.code === 'ACCOUNT_NOT_ALLOWED')
          setRefusal(String((lang === 'zh-CN' ? err.details?.reason : err.details?.reasonEn) ?? err.message));
        throw err;
      }
    });
    if (!next) return;
    form.resetFields();
    setEditing(false);
  };
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary">
        {c.entityType === 'individual'
          ? t('deposit.account.ruleIndividual')
          : t('deposit.account.ruleEnterprise')}
      </Typography.Paragraph>
      {c.account && (
        <Space direction="vertical" style={{ marginBottom: 8 }}>
          <Typography.Text aria-label={t('deposit.account.title')}>
            {c.account.kind === 'personal' ? t('deposit.account.personal') : t('deposit.account.corporate')} ·{' '}
            {c.account.holder} · {c.account.bank} ·{' '}
            <span data-testid="account-number">{shown ?? c.account.masked}</span>{' '}
            <Button
              size="small"
              type="link"
              onClick={async () => {
                if (shown) return setShown(null);
                const r = await execute(() => useDeposit.getState().revealAccount());
                if (r) {
                  setShown(r.value);
                  setTimeout(() => setShown(null), r.hideAfterMs);
                }
              }}
            >
              {shown ? t('secret.hide') : t('secret.reveal')}
            </Button>
          </Typography.Text>
          {c.account.luhnWarning && <Alert type="warning" showIcon message={t('deposit.account.luhn')} />}
          {!editing && <Button onClick={() => setEditing(true)}>{t('deposit.account.change')}</Button>}
        </Space>
      )}
      {(!c.account || editing) && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: c.entityType === 'enterprise' ? 'corporate' : 'personal' }}
        >
          <Form.Item name="kind" label={t('deposit.account.kind')}>
            <Radio.Group
              onChange={() => setRefusal(null)}
              options={[
                { value: 'personal', label: t('deposit.account.personal') },
                { value: 'corporate', label: t('deposit.account.corporate') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="holder"
            label={t('deposit.account.holder')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="bank"
            label={t('deposit.account.bank')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('deposit.account.number')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} autoComplete="off" inputMode="numeric" />
          </Form.Item>
          <Button onClick={() => void save()}>{t('deposit.account.save')}</Button>
          {c.account && <Button onClick={() => setEditing(false)}>{t('inv.common.cancel')}</Button>}
        </Form>
      )}
      {refusal && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" message={refusal} />}
    </div>
  );
}
