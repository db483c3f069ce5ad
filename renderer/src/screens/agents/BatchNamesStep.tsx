import { Form, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopView } from '../../../../shared/contract/inventory-types.ts';
import { MAX_BATCH, type NamePreview } from '../../agents/use-name-preview.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { fieldErrorText } from '../../i18n/errors.ts';

/** How many names that pass are listed under those that do not (all of those are listed). */
const GOOD_SHOWN = 5;

/** Step 1: the shop, how many, the name pattern, and the live check of the names it gives. */
export function BatchNamesStep(props: {
  shops: ShopView[];
  preview: NamePreview | null;
  previewError: string | null;
  bad: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { preview, bad } = props;
  return (
    <>
      <Form.Item name="shopId" label={t('work.agents.shop')} rules={[{ required: true }]}>
        <Select
          options={props.shops.map((s) => ({ value: s.id, label: s.name }))}
          showSearch
          optionFilterProp="label"
        />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item
          name="count"
          label={t('work.agents.count')}
          rules={[{ required: true, type: 'number', min: 1, max: MAX_BATCH }]}
        >
          <InputNumber min={1} max={MAX_BATCH} />
        </Form.Item>
        <Form.Item
          name="pattern"
          label={t('work.agents.pattern')}
          extra={t('work.agents.patternHint')}
          rules={[{ required: true, whitespace: true }]}
          validateStatus={props.previewError ? 'error' : undefined}
          help={props.previewError ?? undefined}
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
              ...preview.filter((p) => !p.problem).slice(0, GOOD_SHOWN),
            ]}
            renderItem={(p) => (
              <List.Item>
                <Typography.Text type={p.problem ? 'danger' : undefined}>
                  {p.fullName}
                  {p.problem ? ` — ${fieldErrorText(p.problem, lang)}` : ''}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </>
  );
}
