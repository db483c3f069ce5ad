import { Card, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf } from '../../../shared/contract/methods.ts';
import { PLATFORM_IDS, platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import type { VerificationPolicy } from '../../../shared/domain/verification-policy.ts';
import { useLang } from '../hooks/use-lang.ts';
import { useMutation } from '../hooks/use-mutation.ts';
import { errorText } from '../i18n/errors.ts';
import { pickText } from '../lib/text.ts';
import { useRules } from '../verification/rules-store.ts';

const NUMBERS: Array<[keyof Omit<VerificationPolicy, 'required'>, number, number]> = [
  ['verifyWithinDays', 1, 90],
  ['graceDays', 1, 30],
  ['reviewHours', 1, 720],
  ['qrMinutes', 1, 240],
];

/** The platforms' verification numbers and the app's own retention and session lengths, editable. */
export function RulesSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute, message } = useMutation();
  const rules = useRules((s) => s.rules);
  const ensureLoaded = useRules((s) => s.ensureLoaded);
  useEffect(() => {
    ensureLoaded().catch((err: unknown) => message.error(errorText(err, lang)));
  }, [ensureLoaded, message, lang]);
  if (!rules) return null;
  const save = async (patch: RequestOf<'rules.update'>) => {
    await execute(() => useRules.getState().update(patch), { success: t('common.saved') });
  };
  const setPolicy = (p: PlatformId, change: Partial<VerificationPolicy>) =>
    void save({ verification: { [p]: { ...rules.verification[p], ...change } } });
  return (
    <Card title={t('work.rules.title')}>
      <Typography.Paragraph type="secondary">{t('work.rules.hint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={PLATFORM_IDS.map((id) => ({ id, ...rules.verification[id] }))}
        columns={[
          {
            title: t('inv.common.platform'),
            dataIndex: 'id',
            render: (id: PlatformId) => pickText(platform(id).name, lang),
          },
          {
            title: t('work.rules.required'),
            dataIndex: 'required',
            render: (v: boolean, r) => (
              <Switch
                size="small"
                checked={v}
                aria-label={`${t('work.rules.required')} ${pickText(platform(r.id).name, lang)}`}
                onChange={(required) => setPolicy(r.id, { required })}
              />
            ),
          },
          ...NUMBERS.map(([key, min, max]) => ({
            title: t(`work.rules.${key}`),
            dataIndex: key,
            render: (v: number, r: { id: PlatformId }) => (
              <InputNumber
                size="small"
                min={min}
                max={max}
                value={v}
                style={{ width: 72 }}
                aria-label={`${t(`work.rules.${key}`)} ${pickText(platform(r.id).name, lang)}`}
                onBlur={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= min && n <= max && n !== v) setPolicy(r.id, { [key]: n });
                }}
              />
            ),
          })),
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 16 }}>
        {(['purgeAfterDays', 'registrationMinutes'] as const).map((key) => (
          <Space key={key}>
            <span>{t(`work.rules.${key}`)}</span>
            <InputNumber
              min={key === 'purgeAfterDays' ? 0 : 5}
              max={key === 'purgeAfterDays' ? 365 : 240}
              defaultValue={rules[key]}
              aria-label={t(`work.rules.${key}`)}
              onBlur={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n !== rules[key]) void save({ [key]: n });
              }}
            />
          </Space>
        ))}
      </Space>
    </Card>
  );
}
