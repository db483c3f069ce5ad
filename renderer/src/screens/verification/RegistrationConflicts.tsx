import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useWork } from '../../stores/work-store.ts';

/**
 * Phones that submitted the mobile of someone already on the staff list: nothing was bound. The desktop
 * binds that colleague after all, or dismisses the attempt. Shown wherever registration progress is.
 */
export function RegistrationConflicts() {
  const { t } = useTranslation();
  const session = useWork((s) => s.session);
  const resolveConflict = useWork((s) => s.resolveConflict);
  const { execute } = useMutation();
  const resolve = (subAccountId: string, action: 'bind-existing' | 'dismiss') =>
    execute(() => resolveConflict(subAccountId, action));
  if (!session) return null;
  return (
    <>
      {session.entries
        .filter((e) => e.conflict)
        .map((e) => (
          <Alert
            key={e.subAccountId}
            type="warning"
            showIcon
            role="alert"
            message={t('work.registration.conflict', {
              account: e.fullName,
              typed: e.conflict!.typedName,
              existing: e.conflict!.existingName,
            })}
            action={
              <Space>
                <Button size="small" onClick={() => void resolve(e.subAccountId, 'bind-existing')}>
                  {t('work.registration.conflictBind', { existing: e.conflict!.existingName })}
                </Button>
                <Button size="small" onClick={() => void resolve(e.subAccountId, 'dismiss')}>
                  {t('work.registration.conflictDismiss')}
                </Button>
              </Space>
            }
          />
        ))}
    </>
  );
}
