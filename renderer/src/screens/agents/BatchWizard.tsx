// The batch of temporary agents: the container. It holds the form and the step, checks each step before the
// next, and creates the batch (progress from main's events) with the app's error handling.
import { Button, Form, Modal, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamePreview } from '../../agents/use-name-preview.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { useWork } from '../../stores/work-store.ts';
import { BatchConfirmStep } from './BatchConfirmStep.tsx';
import { BatchNamesStep } from './BatchNamesStep.tsx';
import { BatchWindowStep } from './BatchWindowStep.tsx';
import { type BatchValues, initialBatch } from './batch-form.ts';

/** Three steps: shop and names (checked against the shop), template and window, then create with progress. */
export function BatchWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<BatchValues>();
  const { shops, templates, ensureLoaded } = useInventory();
  const { execute, message } = useMutation();
  const [step, setStep] = useState(0);
  const [creating, setCreating] = useState(false);
  const progress = useWork((s) => s.batchProgress);
  const values = Form.useWatch([], { form, preserve: true }) as Partial<BatchValues> | undefined;
  const shop = shops.find((s) => s.id === values?.shopId);
  const active = shops.filter((s) => !s.archived);
  const names = useNamePreview(values?.shopId, values?.pattern, values?.count, lang);

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  // The shop list may arrive after the dialog opened: default to the first active shop then.
  const firstShop = active[0]?.id;
  useEffect(() => {
    if (firstShop && !form.getFieldValue('shopId')) form.setFieldsValue({ shopId: firstShop });
  }, [firstShop, form]);

  const platformTemplates = templates.filter((tpl) => tpl.platform === shop?.platform);

  const next = async () => {
    if (step === 0) {
      await form.validateFields(['shopId', 'count', 'pattern']);
      if (names.error || names.bad > 0 || !names.preview) return;
      // The platform's built-in 临时客服 template unless one of this platform's is already picked.
      if (!platformTemplates.some((x) => x.id === form.getFieldValue('templateId')))
        form.setFieldsValue({ templateId: `builtin-${shop?.platform}-temp-cs` });
    }
    if (step === 1) await form.validateFields(['templateId', 'start', 'end']);
    setStep(step + 1);
  };

  const create = async () => {
    const v = form.getFieldsValue(true) as BatchValues;
    setCreating(true);
    useWork.setState({ batchProgress: { batchId: '', done: 0, total: v.count } });
    const r = await execute(
      (confirmHighRisk) =>
        useWork.getState().createBatch({
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
    onClose();
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
      <Form form={form} layout="vertical" initialValues={initialBatch(active[0]?.id, Date.now())} preserve>
        {/* Earlier steps stay mounted (hidden) so their fields keep their values and rules. */}
        <div hidden={step !== 0}>
          <BatchNamesStep shops={active} preview={names.preview} previewError={names.error} bad={names.bad} />
        </div>
        <div hidden={step !== 1}>
          <BatchWindowStep form={form} templates={platformTemplates} />
        </div>
        {step === 2 && (
          <BatchConfirmStep
            shopName={shop?.name}
            templateName={templates.find((x) => x.id === values?.templateId)?.name}
            values={values}
            preview={names.preview}
            progress={creating ? progress : null}
          />
        )}
      </Form>
    </Modal>
  );
}
