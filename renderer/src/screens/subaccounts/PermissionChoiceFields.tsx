// Template or hand-picked permissions, shared by the create and configure dialogs.
import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../shared/domain/platforms/types.ts';
import { PermissionPicker } from '../../components/PermissionPicker.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { templateLabel } from '../../lib/text.ts';

export function PermissionChoiceFields({ platformId }: { platformId: PlatformId }) {
  const { t } = useTranslation();
  const lang = useLang();
  const templates = useInventory((s) => s.templates).filter((tp) => tp.platform === platformId);
  const form = Form.useFormInstance();
  const mode = Form.useWatch('mode', form) ?? 'template';
  return (
    <>
      <Form.Item name="mode" initialValue="template">
        <Radio.Group
          options={[
            { value: 'template', label: t('inv.subs.template') },
            { value: 'custom', label: t('inv.subs.handPicked') },
          ]}
        />
      </Form.Item>
      {mode === 'template' ? (
        <Form.Item
          name="templateId"
          label={t('inv.subs.template')}
          rules={[{ required: true, message: t('inv.subs.template') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={templates.map((tp) => ({
              value: tp.id,
              label: `${templateLabel(tp, lang)}${tp.builtin ? '' : ` (${t('inv.templates.custom')})`}`,
              risk: tp.risk,
            }))}
            optionRender={(o) => (
              <span>
                {o.label} <RiskTag risk={(o.data as { risk: 'low' | 'medium' | 'high' }).risk} />
              </span>
            )}
          />
        </Form.Item>
      ) : (
        <Form.Item name="permissions" label={t('inv.subs.permissions')} initialValue={[]}>
          <PermissionPicker platformId={platformId} />
        </Form.Item>
      )}
    </>
  );
}

export function choiceFromForm(v: { mode?: string; templateId?: string; permissions?: string[] }) {
  return v.mode === 'custom'
    ? { templateId: null, permissions: v.permissions ?? [], nativeRole: null }
    : { templateId: v.templateId ?? null, permissions: [], nativeRole: null };
}
