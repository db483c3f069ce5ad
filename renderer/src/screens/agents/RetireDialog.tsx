import { Form, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { useWork } from '../../stores/work-store.ts';
import { useRules } from '../../verification/rules-store.ts';

/** Confirms retiring the chosen agents and how (disable or delete on the platform). */
export function RetireDialog({ ids, onClose }: { ids: string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'disable' | 'delete'>('disable');
  const purgeDays = useRules((s) => s.rules?.purgeAfterDays);
  const { execute, message } = useMutation();
  const lang = useLang();
  useEffect(() => {
    useRules
      .getState()
      .ensureLoaded()
      .catch((err: unknown) => message.error(errorText(err, lang)));
  }, [message, lang]);
  const submit = async () => {
    const r = await execute(() =>
      useWork
        .getState()
        .retire(ids, mode)
        .then(() => true),
    );
    if (r) onClose(true);
  };
  return (
    <Modal
      open
      title={t('work.agents.retireTitle', { count: ids.length })}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okText={t('inv.common.confirm')}
      cancelText={t('inv.common.cancel')}
      okButtonProps={{ danger: true }}
    >
      <Form layout="vertical">
        <Form.Item label={t('work.agents.retireMode')}>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'disable', label: t('work.agents.modeDisable') },
              { value: 'delete', label: t('work.agents.modeDelete') },
            ]}
          />
        </Form.Item>
      </Form>
      {/* Said only with the number from the rules, never a guessed one. */}
      {purgeDays !== undefined && (
        <Typography.Paragraph type="secondary">
          {t('work.agents.retireNote', { days: purgeDays })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
