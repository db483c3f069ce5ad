// Connect: test the location first, then create the team (owner) or ask to join with a code.
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useTeam } from '../../team/team-store.ts';
import { ConnectionFields, type ConnectionValues, toConnection } from './ConnectionFields.tsx';

const CONNECTION_FIELDS = ['kind', 'url', 'username', 'password', 'dir'] as const;

interface Values extends ConnectionValues {
  mode: 'create' | 'join';
  ownerName?: string;
  code?: string;
  memberName?: string;
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

  const run = async (what: 'test' | 'go') => {
    // Testing needs only the location; going on needs the rest of the form too.
    const v =
      what === 'test' ? await form.validateFields([...CONNECTION_FIELDS]) : await form.validateFields();
    setBusy(true);
    try {
      const connection = toConnection(v);
      if (what === 'test') {
        const r = await execute(() => team.testConnection(connection), { form });
        setTested(r ?? null);
      } else if (v.mode === 'create')
        await execute(() => team.create(connection, v.ownerName ?? ''), { form });
      else await execute(() => team.join(connection, v.code ?? '', v.memberName ?? ''), { form });
    } finally {
      setBusy(false);
    }
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
        <ConnectionFields kind={kind} />
        {tested && (
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
              name="code"
              label={t('team.setup.code')}
              extra={t('team.setup.codeHelp')}
              rules={[{ required: true, message: t('team.setup.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} spellCheck={false} />
            </Form.Item>
            <Form.Item
              name="memberName"
              label={t('team.setup.memberName')}
              rules={[{ required: true, message: t('team.setup.required') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </>
        )}
        <Space>
          <Button
            disabled={busy}
            onClick={() => void run('test')}
            icon={busy ? <LoadingOutlined /> : undefined}
          >
            {t('team.setup.test')}
          </Button>
          <Button type="primary" disabled={busy || !tested} onClick={() => void run('go')}>
            {mode === 'create' ? t('team.setup.createRun') : t('team.setup.joinRun')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
