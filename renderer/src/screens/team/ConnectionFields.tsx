// The fields of a sync location: a WebDAV folder (address, user, password) or a shared folder's path.
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../team/team-store.ts';

export interface ConnectionValues {
  kind: 'webdav' | 'folder';
  url?: string;
  username?: string;
  password?: string;
  dir?: string;
}

export const toConnection = (v: ConnectionValues): Connection =>
  v.kind === 'folder'
    ? { kind: 'folder', dir: v.dir ?? '' }
    : { kind: 'webdav', url: v.url ?? '', username: v.username ?? '', password: v.password ?? '' };

export function ConnectionFields({ kind }: { kind: 'webdav' | 'folder' }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('team.setup.kind')}>
        <Radio.Group
          options={[
            { value: 'webdav', label: t('team.setup.webdav') },
            { value: 'folder', label: t('team.setup.folder') },
          ]}
        />
      </Form.Item>
      {kind === 'webdav' ? (
        <>
          <Form.Item
            name="url"
            label={t('team.setup.url')}
            extra={t('team.setup.urlHelp')}
            rules={[{ required: true, message: t('team.setup.required') }]}
          >
            <Input placeholder={t('team.setup.urlPlaceholder')} autoComplete="url" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('team.setup.username')}
            rules={[{ required: true, message: t('team.setup.required') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('team.setup.password')}
            extra={t('team.setup.passwordHelp')}
            rules={[{ required: true, message: t('team.setup.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="dir"
          label={t('team.setup.dir')}
          extra={t('team.setup.dirHelp')}
          rules={[{ required: true, message: t('team.setup.required') }]}
        >
          <Input />
        </Form.Item>
      )}
    </>
  );
}
