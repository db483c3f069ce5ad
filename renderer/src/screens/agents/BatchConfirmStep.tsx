import { Alert, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NamePreview } from '../../agents/use-name-preview.ts';
import type { BatchValues } from './batch-form.ts';

/** Step 3: what will be created, and the progress while it is. */
export function BatchConfirmStep(props: {
  shopName: string | undefined;
  templateName: string | undefined;
  values: Partial<BatchValues> | undefined;
  preview: NamePreview | null;
  progress: { done: number; total: number } | null;
}) {
  const { t } = useTranslation();
  const { values, preview, progress } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>
        {props.shopName} · {values?.count} × {preview?.[0]?.fullName} … {preview?.at(-1)?.fullName}
        <br />
        {t('work.agents.window')}: {values?.start} ~ {values?.end} · {props.templateName}
      </Typography.Paragraph>
      <Alert type="info" showIcon message={t('work.agents.passwords')} />
      {progress && (
        <div role="status">
          <Typography.Text>
            {t('work.agents.creating', { done: progress.done, total: progress.total })}
          </Typography.Text>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} />
        </div>
      )}
    </Space>
  );
}
