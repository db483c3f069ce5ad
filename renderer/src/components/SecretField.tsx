// A secret shown masked. "查看" asks main for this one field (an audited reveal) and hides it again when
// the time main gave runs out; "复制" has main put it on the clipboard, so the value never enters the page.
import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { type SecretRef, useSecret } from '../hooks/use-secret.ts';

export type { SecretRef };

/** `masked` is what shows while hidden (e.g. 138****8000); dots when there is no mask. */
export function SecretField({
  secret,
  label,
  masked,
}: {
  secret: SecretRef;
  label: string;
  masked?: string | null;
}) {
  const s = useSecret(secret);
  return (
    <Space size={4} wrap={false} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text code aria-label={label} data-testid={`secret-${secret.recordId}-${secret.field}`}>
        {s.value ?? masked ?? '••••••••'}
      </Typography.Text>
      <Tooltip title={s.toggleLabel}>
        <Button
          size="small"
          type="text"
          aria-label={`${s.toggleLabel} ${label}`}
          icon={s.value !== null ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={s.toggle}
        />
      </Tooltip>
      <Tooltip title={s.copyLabel}>
        <Button
          size="small"
          type="text"
          aria-label={`${s.copyLabel} ${label}`}
          icon={<CopyOutlined />}
          onClick={s.copy}
        />
      </Tooltip>
    </Space>
  );
}
