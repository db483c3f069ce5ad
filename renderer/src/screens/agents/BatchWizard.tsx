import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Radio,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/contract/errors.ts';
import { checkWindow, type SaleWindow, windowPreset } from '../../../../shared/domain/sale-window.ts';
import { agentsApi } from '../../agents/agents-api.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { fieldErrorText as fieldText } from '../../i18n/errors.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { useWork } from '../../stores/work-store.ts';

interface Values {
  shopId: string;
  count: number;
  pattern: string;
  templateId: string;
  preset: 'double11' | '618' | 'custom';
  start: string;
  end: string;
  easyPasswords?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Three steps: shop and names (checked against the shop), template and window, then create with progress. */
export function BatchWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const { shops, templates, ensureLoaded } = useInventory();
  const { execute, message } = useMutation();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<Array<{ fullName: string; problem: string | null }> | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const progress = useWork((s) => s.batchProgress);
  const values = Form.useWatch([], { form, preserve: true }) as Partial<Values> | undefined;
  const shop = shops.find((s) => s.id === values?.shopId);
  const active = shops.filter((s) => !s.archived);

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  // The shop list may arrive after the dialog opened: default to the first active shop then.
  const firstShop = active[0]?.id;
  useEffect(() => {
    if (firstShop && !form.getFieldValue('shopId')) form.setFieldsValue({ shopId: firstShop });
  }, [firstShop, form]);

  // Live name check: what the pattern gives and which names the shop already has.
  const { shopId, pattern, count } = values ?? {};
  useEffect(() => {
    if (!shopId || !pattern || !count || count < 1 || count > 200) return setPreview(null);
    let stale = false;
    const timer = setTimeout(() => {
      agentsApi.previewNames({ shopId, pattern, count }).then(
        (p) => {
          if (stale) return;
          setPreview(p);
          setPreviewError(null);
        },
        (err) => {
          if (stale) return;
          setPreview(null);
          const f = err instanceof AppError ? err.fields?.pattern : undefined;
          setPreviewError(f ? fieldText(f, lang) : String(err));
        },
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [shopId, pattern, count, lang]);

  const platformTemplates = templates.filter((tpl) => tpl.platform === shop?.platform);
  const setPreset = (preset: Values['preset']) => {
    if (preset !== 'custom') form.setFieldsValue(windowPreset(preset, Date.now()));
  };
  const bad = preview?.filter((p) => p.problem).length ?? 0;

  const next = async () => {
    if (step === 0) {
      await form.validateFields(['shopId', 'count', 'pattern']);
      if (previewError || bad > 0 || !preview) return;
      if (
        !form.getFieldValue('templateId') ||
        !platformTemplates.some((x) => x.id === form.getFieldValue('templateId'))
      )
        form.setFieldsValue({ templateId: `builtin-${shop?.platform}-temp-cs` });
    }
    if (step === 1) await form.validateFields(['templateId', 'start', 'end']);
    setStep(step + 1);
  };

  const create = async () => {
    const v = form.getFieldsValue(true) as Values;
    setCreating(true);
    useWork.setState({ batchProgress: { batchId: '', done: 0, total: v.count } });
    const r = await execute(
      (confirmHighRisk) =>
        agentsApi.createBatch({
          shopId: v.shopId,
          count: v.count,
          pattern: v.pattern,
          templateId: v.templateId,
          window: { start: v.start, end: v.end },
          confirmHighRisk,
          easyPasswords: Boolean(v.easyPasswords),
        }),
      { ...(shop ? { platformId: shop.platform } : {}) },
    );
    setCreating(false);
    useWork.setState({ batchProgress: null });
    if (!r) return;
    message.success(t('work.agents.created', { count: r.created.length }));
    await useWork.getState().loadAgents();
    onClose();
  };

  const windowRule = (field: 'start' | 'end') => ({
    validator: async (_: unknown, value: string) => {
      if (!DATE.test(value ?? '')) throw new Error(fieldText('invalid_date', lang));
      const w: SaleWindow = { start: form.getFieldValue('start'), end: form.getFieldValue('end') };
      const p = field === 'end' ? checkWindow(w) : null;
      if (p) throw new Error(fieldText(p === 'too_long' ? 'too_long_window' : p, lang));
    },
  });

  const initial = {
    count: 30,
    pattern: '双11客服{01}',
    preset: 'double11',
    ...windowPreset('double11', Date.now()),
    shopId: active[0]?.id,
  };
  return (
    <Modal
      open
      width={720}
      title={t('work.agents.create')}
      onCancel={creating ? undefined : onClose}
      closable={!creating}
      maskClosable={false}
      footer={
        <Space>
          {step > 0 && (
            <Button disabled={creating} onClick={() => setStep(step - 1)}>
              {t('work.agents.back')}
            </Button>
          )}
          {step < 2 ? (
            <Button type="primary" onClick={() => void next()}>
              {t('work.agents.next')}
            </Button>
          ) : (
            <Button type="primary" disabled={creating} onClick={() => void create()}>
              {t('work.agents.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: `${t('work.agents.shop')} · ${t('work.agents.pattern')}` },
          { title: `${t('work.agents.template')} · ${t('work.agents.window')}` },
          { title: t('inv.common.confirm') },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={initial} preserve>
        <div hidden={step !== 0}>
          <Form.Item name="shopId" label={t('work.agents.shop')} rules={[{ required: true }]}>
            <Select
              options={active.map((s) => ({ value: s.id, label: s.name }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item
              name="count"
              label={t('work.agents.count')}
              rules={[{ required: true, type: 'number', min: 1, max: 200 }]}
            >
              <InputNumber min={1} max={200} />
            </Form.Item>
            <Form.Item
              name="pattern"
              label={t('work.agents.pattern')}
              extra={t('work.agents.patternHint')}
              rules={[{ required: true, whitespace: true }]}
              validateStatus={previewError ? 'error' : undefined}
              help={previewError ?? undefined}
            >
              <Input style={{ width: 320 }} />
            </Form.Item>
          </Space>
          {preview && (
            <>
              <Typography.Text type={bad > 0 ? 'danger' : 'secondary'} role="status">
                {t('work.agents.previewCount', { count: preview.length, bad })}
              </Typography.Text>
              <List
                size="small"
                aria-label={t('work.agents.preview')}
                style={{ maxHeight: 180, overflow: 'auto', marginTop: 8 }}
                dataSource={[
                  ...preview.filter((p) => p.problem),
                  ...preview.filter((p) => !p.problem).slice(0, 5),
                ]}
                renderItem={(p) => (
                  <List.Item>
                    <Typography.Text type={p.problem ? 'danger' : undefined}>
                      {p.fullName}
                      {p.problem ? ` — ${fieldText(p.problem, lang)}` : ''}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </>
          )}
        </div>
        <div hidden={step !== 1}>
          <Form.Item name="templateId" label={t('work.agents.template')} rules={[{ required: true }]}>
            <Select options={platformTemplates.map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="preset" label={t('work.agents.preset')}>
            <Radio.Group
              onChange={(e) => setPreset(e.target.value)}
              options={[
                { value: 'double11', label: t('work.agents.double11') },
                { value: '618', label: t('work.agents.p618') },
                { value: 'custom', label: t('work.agents.custom') },
              ]}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="start"
              label={t('work.agents.start')}
              rules={[windowRule('start')]}
              dependencies={['end']}
            >
              <Input
                placeholder="YYYY-MM-DD"
                style={{ width: 160 }}
                onChange={() => form.setFieldsValue({ preset: 'custom' })}
              />
            </Form.Item>
            <Form.Item
              name="end"
              label={t('work.agents.end')}
              rules={[windowRule('end')]}
              dependencies={['start']}
            >
              <Input
                placeholder="YYYY-MM-DD"
                style={{ width: 160 }}
                onChange={() => form.setFieldsValue({ preset: 'custom' })}
              />
            </Form.Item>
          </Space>
          <Form.Item name="easyPasswords" valuePropName="checked" extra={t('work.agents.easyPasswordsHint')}>
            <Checkbox>{t('work.agents.easyPasswords')}</Checkbox>
          </Form.Item>
        </div>
        {step === 2 && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              {shop?.name} · {values?.count} × {preview?.[0]?.fullName} … {preview?.at(-1)?.fullName}
              <br />
              {t('work.agents.window')}: {values?.start} ~ {values?.end} ·{' '}
              {templates.find((x) => x.id === values?.templateId)?.name}
            </Typography.Paragraph>
            <Alert type="info" showIcon message={t('work.agents.passwords')} />
            {creating && progress && (
              <div role="status">
                <Typography.Text>
                  {t('work.agents.creating', { done: progress.done, total: progress.total })}
                </Typography.Text>
                <Progress percent={Math.round((progress.done / progress.total) * 100)} />
              </div>
            )}
          </Space>
        )}
      </Form>
    </Modal>
  );
}
