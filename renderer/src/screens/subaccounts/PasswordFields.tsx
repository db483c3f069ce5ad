// "Generate" or a password typed twice, with the platform's minimum beside our advice. Used when creating
// a sub-account and when changing its password.
import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../../shared/domain/platforms/types.ts';
import { advisedPolicy } from '../../../../shared/domain/subaccount-rules.ts';

export function PasswordFields({ platformId }: { platformId: PlatformId | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const generate = Form.useWatch('generate', form) as boolean | undefined;
  const spec = platformId ? platform(platformId) : null;
  return (
    <>
      <Form.Item name="generate" valuePropName="checked">
        <Checkbox>{t('inv.subs.generate')}</Checkbox>
      </Form.Item>
      {!generate && (
        <>
          <Form.Item
            name="password"
            label={t('inv.subs.password')}
            rules={[{ required: true, message: t('inv.subs.password') }]}
            extra={
              spec
                ? t('inv.subs.policy', {
                    min: spec.password.minLength,
                    advised: advisedPolicy(spec.id).minLength,
                  })
                : undefined
            }
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('inv.subs.confirm')}
            rules={[{ required: true, message: t('inv.subs.confirm') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The password part of a request built from these fields. */
export const passwordFromForm = (v: { generate?: boolean; password?: string; confirm?: string }) =>
  v.generate ? { generate: true } : { generate: false, password: v.password, confirm: v.confirm };
