import { Checkbox, Form, type FormInstance, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../../shared/contract/inventory-types.ts';
import { checkWindow, type SaleWindow, windowPreset } from '../../../../shared/domain/sale-window.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { fieldErrorText } from '../../i18n/errors.ts';
import { type BatchValues, DATE } from './batch-form.ts';

/** Step 2: the permission template and the sale window the agents may work in, and the password style. */
export function BatchWindowStep(props: { form: FormInstance<BatchValues>; templates: TemplateView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { form } = props;
  const setPreset = (preset: BatchValues['preset']) => {
    if (preset !== 'custom') form.setFieldsValue(windowPreset(preset, Date.now()));
  };
  const windowRule = (field: 'start' | 'end') => ({
    validator: async (_: unknown, value: string) => {
      if (!DATE.test(value ?? '')) throw new Error(fieldErrorText('invalid_date', lang));
      const w: SaleWindow = { start: form.getFieldValue('start'), end: form.getFieldValue('end') };
      const p = field === 'end' ? checkWindow(w) : null;
      if (p) throw new Error(fieldErrorText(p === 'too_long' ? 'too_long_window' : p, lang));
    },
  });
  // Typing a date makes the window a custom one.
  const custom = () => form.setFieldsValue({ preset: 'custom' });
  return (
    <>
      <Form.Item name="templateId" label={t('work.agents.template')} rules={[{ required: true }]}>
        <Select options={props.templates.map((x) => ({ value: x.id, label: x.name }))} />
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
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} onChange={custom} />
        </Form.Item>
        <Form.Item
          name="end"
          label={t('work.agents.end')}
          rules={[windowRule('end')]}
          dependencies={['start']}
        >
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} onChange={custom} />
        </Form.Item>
      </Space>
      <Form.Item name="easyPasswords" valuePropName="checked" extra={t('work.agents.easyPasswordsHint')}>
        <Checkbox>{t('work.agents.easyPasswords')}</Checkbox>
      </Form.Item>
    </>
  );
}
