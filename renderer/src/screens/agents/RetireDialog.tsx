import { Form, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentsApi } from '../../agents/agents-api.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useWork } from '../../stores/work-store.ts';
import { rulesApi } from '../../verification/verification-api.ts';

/** Confirms retiring the chosen agents and how (disable or delete on the platform). */
export function RetireDialog({ ids, onClose }: { ids: string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'disable' | 'delete'>('disable');
  const [purgeDays, setPurgeDays] = useState(30);
  const { execute } = useMutation();
  const loadAgents = useWork((s) => s.loadAgents);
  useEffect(() => {
    void rulesApi.get({}).then((r) => setPurgeDays(r.purgeAfterDays));
  }, []);
  const submit = async () => {
    const r = await execute(() => agentsApi.retire({ ids, mode }), {});
    await loadAgents();
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
      <Typography.Paragraph type="secondary">
        {t('work.agents.retireNote', { days: purgeDays })}
      </Typography.Paragraph>
    </Modal>
  );
}
