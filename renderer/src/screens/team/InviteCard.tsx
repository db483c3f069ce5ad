// The owner's side of joining: make a single-use invite (one text to send over WeChat, or the same as a file,
// and 16 digits to say by voice), then approve a request once the safety codes on both screens match,
// choosing the role and shops.
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { downloadBlob } from '../../lib/download.ts';
import { useTeam } from '../../team/team-store.ts';
import { GrantFields, type GrantValues } from './GrantFields.tsx';
import { beijing } from './StatusCard.tsx';

const VALIDITY = [
  { minutes: 30, key: '30m' },
  { minutes: 24 * 60, key: '1d' },
  { minutes: 72 * 60, key: '3d' },
  { minutes: 7 * 24 * 60, key: '7d' },
];

export function InviteCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { execute } = useMutation();
  const invite = useTeam((s) => s.invite);
  const members = useTeam((s) => s.members);
  const makeInvite = useTeam((s) => s.makeInvite);
  const approve = useTeam((s) => s.approve);
  const webdav = useTeam((s) => s.status?.connection?.kind === 'webdav');
  const [minutes, setMinutes] = useState(72 * 60);
  const [withLogin, setWithLogin] = useState(true);
  const copy = (text: string, done: string) =>
    void navigator.clipboard?.writeText(text).then(() => message.success(done));

  return (
    <Card title={t('team.invite.title')} role="region" aria-label={t('team.invite.title')}>
      <Typography.Paragraph type="secondary">{t('team.invite.howto')}</Typography.Paragraph>
      <Space wrap>
        <Typography.Text>{t('team.invite.valid')}</Typography.Text>
        <Select
          aria-label={t('team.invite.valid')}
          value={minutes}
          onChange={setMinutes}
          style={{ width: 120 }}
          options={VALIDITY.map((v) => ({
            value: v.minutes,
            label:
              v.minutes < 60
                ? t('team.status.minutes', { n: v.minutes })
                : `${v.minutes / 1440} ${t('team.invite.days')}`,
          }))}
        />
        {webdav && (
          <Checkbox checked={withLogin} onChange={(e) => setWithLogin(e.target.checked)}>
            {t('team.invite.withLogin')}
          </Checkbox>
        )}
        <Button type="primary" onClick={() => void execute(() => makeInvite(minutes, withLogin))}>
          {t('team.invite.make')}
        </Button>
      </Space>
      {invite && (
        <Flex vertical gap="small" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('team.invite.step1')}</Typography.Text>
          <Input.TextArea
            readOnly
            value={invite.text}
            autoSize={{ minRows: 3, maxRows: 6 }}
            aria-label={t('team.invite.text')}
            data-testid="invite-text"
          />
          <Space wrap>
            <Button icon={<CopyOutlined />} onClick={() => copy(invite.text, t('team.invite.copied'))}>
              {t('team.invite.copy')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadBlob(new Blob([invite.text], { type: 'text/plain' }), invite.fileName)}
            >
              {t('team.invite.saveFile')}
            </Button>
          </Space>
          {!invite.withLogin && (
            <Typography.Text type="secondary">{t('team.invite.noLogin')}</Typography.Text>
          )}
          <Typography.Text strong style={{ marginTop: 8 }}>
            {t('team.invite.step2')}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: 2 }} data-testid="invite-otc">
            {invite.oneTimeCode}
          </Typography.Title>
          <Typography.Text type="secondary">{t('team.invite.step2Help')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('team.invite.expires', { time: beijing(invite.expiresAt) })}
          </Typography.Text>
        </Flex>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('team.invite.joins')}
      </Typography.Title>
      {members?.joins.length ? (
        members.joins.map((j) => (
          <JoinRequest
            key={`${j.inviteId}-${j.memberId}`}
            join={j}
            onApprove={(g) =>
              execute(() => approve(j.inviteId, j.memberId, g), {
                success: t('team.invite.approved', { name: j.name }),
              })
            }
          />
        ))
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.invite.noJoins')} />
      )}
    </Card>
  );
}

function JoinRequest({
  join,
  onApprove,
}: {
  join: { name: string; safetyCode: string; memberId: string };
  onApprove: (g: { role: 'admin' | 'lead'; shops: string[] }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<GrantValues>();
  return (
    <Card size="small" style={{ marginBottom: 12 }} role="group" aria-label={join.name}>
      <Flex gap="large" wrap align="flex-start">
        <div>
          <Typography.Text strong>{join.name}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{t('team.invite.safety')}</Typography.Text>
          </div>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: 4 }} data-testid="owner-safety-code">
            {join.safetyCode}
          </Typography.Title>
          <Typography.Text type="secondary">{t('team.invite.safetyHelp')}</Typography.Text>
        </div>
        <Form
          name={`grant-${join.memberId}`}
          form={form}
          layout="vertical"
          initialValues={{ role: 'lead', shops: [] }}
          style={{ minWidth: 280, flex: 1 }}
        >
          <GrantFields form={form} />
          <Button
            type="primary"
            onClick={async () => {
              const v = await form.validateFields();
              await onApprove({ role: v.role, shops: v.role === 'lead' ? v.shops : [] });
            }}
          >
            {t('team.invite.approve')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
}
