// The accounts people who left (离职) used: each until its password is changed or it is disabled. The
// dashboard reminds of each one; here each can be settled in one click.
import { Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { CopyAccountButtons } from '../subaccounts/SubAccountDialogs.tsx';

export function LeaverFollowUps() {
  const { t } = useTranslation();
  const lang = useLang();
  const subAccounts = useInventory((s) => s.subAccounts);
  const mutate = useInventory((s) => s.mutate);
  const { execute, modal } = useMutation();
  const open = subAccounts.filter((s) => s.leaverOf !== null);
  if (open.length === 0) return null;
  return (
    <Card
      size="small"
      role="region"
      aria-label={t('inv.staff.leaverTitle')}
      title={t('inv.staff.leaverTitle')}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('inv.staff.leaverIntro')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={open}
        renderItem={(s) => (
          <List.Item aria-label={s.fullName}>
            <Space wrap>
              <Typography.Text strong>{s.fullName}</Typography.Text>
              <Typography.Text type="secondary">
                {s.shopName} · {pickText(platform(s.platform).name, lang)} ·{' '}
                {t('inv.staff.usedBy', { name: s.leaverOf })}
              </Typography.Text>
              <Button
                size="small"
                onClick={async () => {
                  const r = await execute(() =>
                    mutate('subaccounts.changePassword', { id: s.id, generate: true }),
                  );
                  // The new password must reach the platform too: copy it from here.
                  if (r)
                    modal.info({
                      title: t('inv.staff.newPasswordTitle', { name: s.fullName }),
                      content: (
                        <Space direction="vertical">
                          <span>
                            {t('inv.staff.newPasswordBody', {
                              path: pickText(platform(s.platform).subAccountPath, lang),
                            })}
                          </span>
                          <Space>
                            <CopyAccountButtons sub={s} />
                          </Space>
                        </Space>
                      ),
                      okText: t('inv.common.confirm'),
                    });
                }}
              >
                {t('inv.staff.changePassword')}
              </Button>
              <Button
                size="small"
                onClick={() =>
                  void execute(() => mutate('subaccounts.setStatus', { ids: [s.id], status: 'disabled' }), {
                    success: t('common.saved'),
                  })
                }
              >
                {t('inv.subs.disable')}
              </Button>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
