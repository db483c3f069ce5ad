import { BellOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, List, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReminderView } from '../../../shared/contract/work-types.ts';
import { useLang } from '../hooks/use-lang.ts';
import { useMutation } from '../hooks/use-mutation.ts';
import { beijing } from '../lib/duration.ts';
import { pickText } from '../lib/text.ts';
import { useWork } from '../stores/work-store.ts';

const target = (r: ReminderView) =>
  r.kind.startsWith('backup-')
    ? '/settings'
    : r.kind === 'deposit-overdue'
      ? `/deposit/${r.subjectId}`
      : r.kind === 'leaver-account'
        ? '/staff'
        : r.kind.startsWith('temp-')
          ? '/temp-agents'
          : '/verification';

/** The dashboard's to-do list: what is due, most urgent first; snooze or dismiss each. */
export function RemindersPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { reminders, loadReminders } = useWork();
  const { execute } = useMutation();
  useEffect(() => {
    void loadReminders();
  }, [loadReminders]);
  return (
    <Card
      title={
        <Space>
          <BellOutlined />
          {t('work.reminders.title')}
          {reminders.length > 0 && <Tag color="red">{reminders.length}</Tag>}
        </Space>
      }
      style={{ marginBottom: 16 }}
      role="region"
      aria-label={t('work.reminders.title')}
    >
      <List
        dataSource={reminders}
        locale={{ emptyText: t('work.reminders.none') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
        renderItem={(r) => (
          <List.Item aria-label={`${pickText(r.title, lang)} ${r.fullName}`}>
            <List.Item.Meta
              avatar={
                <Tag color={r.severity === 'critical' ? 'red' : 'orange'}>
                  {r.severity === 'critical' ? '!' : '·'}
                </Tag>
              }
              title={pickText(r.title, lang)}
              description={
                <Space wrap>
                  <span>
                    {r.shopName} · {r.fullName}
                  </span>
                  <Typography.Text type="secondary">
                    {t('work.reminders.dueAt', { time: beijing(r.dueAt) })}
                  </Typography.Text>
                </Space>
              }
            />
            {/* Buttons inside the item, not antd's `actions` list: one list item per reminder for screen readers. */}
            <Space size={0}>
              <Button type="link" size="small" onClick={() => void navigate(target(r))}>
                {t('work.reminders.open')}
              </Button>
              <Dropdown
                menu={{
                  items: [
                    { key: '2', label: t('work.reminders.snooze2h') },
                    { key: '24', label: t('work.reminders.snooze1d') },
                  ],
                  onClick: ({ key }) =>
                    void execute(() => useWork.getState().snoozeReminder(r.key, Number(key))),
                }}
              >
                <Button type="link" size="small">
                  {t('work.reminders.snooze')}
                </Button>
              </Dropdown>
              <Button
                type="link"
                size="small"
                onClick={() => void execute(() => useWork.getState().dismissReminder(r.key))}
              >
                {t('work.reminders.dismiss')}
              </Button>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
