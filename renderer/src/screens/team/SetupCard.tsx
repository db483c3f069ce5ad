// Connect: the owner tests the location first, then creates the team. A joiner pastes the invite the owner
// sent (or opens its file) and types the 16 digits the owner said by voice: the server, folder and usually
// the login come from the invite, so there is nothing to type about the server.
import { CheckCircleOutlined, FolderOpenOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Form, Input, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useTeam } from '../../team/team-store.ts';
import { ConnectionFields, type ConnectionValues, toConnection } from './ConnectionFields.tsx';

const CONNECTION_FIELDS = ['kind', 'url', 'username', 'password', 'dir'] as const;

interface Values extends ConnectionValues {
  mode: 'create' | 'join';
  ownerName?: string;
  inviteText?: string;
  oneTimeCode?: string;
  memberName?: string;
  joinUsername?: string;
  joinPassword?: string;
}

export function SetupCard() {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const team = useTeam();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'create';
  const kind = Form.useWatch('kind', form) ?? 'webdav';
  const [tested, setTested] = useState<null | { warning: 'plain-http-local' | null }>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (what: 'test' | 'go') => {
    // Testing needs only the location; going on needs the rest of the form too.
    const v =
      what === 'test' ? await form.validateFields([...CONNECTION_FIELDS]) : await form.validateFields();
    setBusy(true);
    try {
      if (v.mode === 'join') {
        const login =
          v.joinUsername && v.joinPassword ? { username: v.joinUsername, password: v.joinPassword } : null;
        await execute(
          () => team.joinByInvite(v.inviteText ?? '', v.oneTimeCode ?? '', v.memberName ?? '', login),
          { form },
        );
        return;
      }
      const connection = toConnection(v);
      if (what === 'test') {
        const r = await execute(() => team.testConnection(connection), { form });
        setTested(r ?? null);
      } else await execute(() => team.create(connection, v.ownerName ?? ''), { form });
    } finally {
      setBusy(false);
    }
  };

  const openFile = async (file: File) => {
    form.setFieldValue('inviteText', await file.text());
    void form.validateFields(['inviteText']);
  };

  return (
    <Card title={t('team.setup.title')} role="region" aria-label={t('team.setup.title')}>
      <Form
        name="team-setup"
        form={form}
        layout="vertical"
        initialValues={{ mode: 'create', kind: 'webdav' }}
        style={{ maxWidth: 560 }}
        onValuesChange={(changed) => {
          if (
            'url' in changed ||
            'dir' in changed ||
            'kind' in changed ||
            'username' in changed ||
            'password' in changed
          )
            setTested(null);
        }}
      >
        <Form.Item name="mode" label={t('team.setup.mode')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'create', label: t('team.setup.create') },
              { value: 'join', label: t('team.setup.join') },
            ]}
          />
        </Form.Item>
        {mode === 'create' && <ConnectionFields kind={kind} />}
        {mode === 'create' && tested && (
          <Alert
            type={tested.warning ? 'warning' : 'success'}
            showIcon
            icon={tested.warning ? undefined : <CheckCircleOutlined />}
            title={tested.warning ? t('team.setup.httpWarning') : t('team.setup.tested')}
            style={{ marginBottom: 16 }}
          />
        )}
        {mode === 'create' ? (
          <Form.Item
            name="ownerName"
            label={t('team.setup.ownerName')}
            rules={[{ required: true, message: t('team.setup.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        ) : (
          <>
            <Alert type="info" showIcon title={t('team.setup.emptyVaultNote')} style={{ marginBottom: 16 }} />
            <Form.Item
              name="inviteText"
              label={t('team.setup.inviteText')}
              extra={t('team.setup.inviteTextHelp')}
              rules={[{ required: true, message: t('team.setup.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} spellCheck={false} />
            </Form.Item>
            <Form.Item>
              <Button icon={<FolderOpenOutlined />} onClick={() => fileInput.current?.click()}>
                {t('team.setup.openInvite')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".swinvite,.txt"
                hidden
                aria-label={t('team.setup.openInvite')}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void openFile(f);
                  e.target.value = '';
                }}
              />
            </Form.Item>
            <Form.Item
              name="oneTimeCode"
              label={t('team.setup.oneTimeCode')}
              extra={t('team.setup.oneTimeCodeHelp')}
              rules={[{ required: true, message: t('team.setup.required') }]}
            >
              <Input
                maxLength={40}
                inputMode="numeric"
                autoComplete="off"
                placeholder="1234 5678 9012 3456"
              />
            </Form.Item>
            <Form.Item
              name="memberName"
              label={t('team.setup.memberName')}
              rules={[{ required: true, message: t('team.setup.required') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Collapse
              ghost
              items={[
                {
                  key: 'login',
                  label: t('team.setup.loginIfMissing'),
                  forceRender: true,
                  children: (
                    <>
                      <Form.Item name="joinUsername" label={t('team.setup.username')}>
                        <Input autoComplete="off" maxLength={200} />
                      </Form.Item>
                      <Form.Item name="joinPassword" label={t('team.setup.password')}>
                        <Input.Password autoComplete="off" maxLength={500} />
                      </Form.Item>
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
        {mode === 'create' ? (
          <Space>
            <Button
              disabled={busy}
              onClick={() => void run('test')}
              icon={busy ? <LoadingOutlined /> : undefined}
            >
              {t('team.setup.test')}
            </Button>
            <Button type="primary" disabled={busy || !tested} onClick={() => void run('go')}>
              {t('team.setup.createRun')}
            </Button>
          </Space>
        ) : (
          <Button
            type="primary"
            disabled={busy}
            icon={busy ? <LoadingOutlined /> : undefined}
            onClick={() => void run('go')}
          >
            {busy ? t('team.setup.joining') : t('team.setup.joinRun')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
