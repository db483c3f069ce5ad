// What can be done to the selected sub-accounts at once.
import { Button, Dropdown, Space, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubAccountView, TemplateView } from '../../../../shared/contract/inventory-types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { templateLabel } from '../../lib/text.ts';

/** Memoised: a keystroke in the search box changes none of its props. */
export const BulkBar = memo(function BulkBar({
  selected,
  selectedRows,
  templates,
  onDelete,
}: {
  selected: string[];
  selectedRows: SubAccountView[];
  templates: TemplateView[];
  onDelete(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute } = useMutation();
  const mutate = useInventory((s) => s.mutate);
  const platformId = selectedRows[0]?.platform;
  const samePlatform = selectedRows.every((s) => s.platform === platformId);
  const pending = selectedRows.filter((s) => s.sync === 'pending').length;
  if (selected.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text>{t('inv.common.selected', { count: selected.length })}</Typography.Text>
      <Button
        disabled={pending === 0}
        onClick={() =>
          void execute(() => mutate('subaccounts.bulkMarkSynced', { ids: selected }), {
            success: t('inv.subs.bulkSyncedDone', { count: pending }),
          })
        }
      >
        {t('inv.subs.bulkSynced', { count: pending })}
      </Button>
      <Button
        onClick={() =>
          void execute(() => mutate('subaccounts.setStatus', { ids: selected, status: 'disabled' }), {
            success: t('common.saved'),
          })
        }
      >
        {t('inv.subs.bulkDisable')}
      </Button>
      <Button danger onClick={() => onDelete(selected)}>
        {t('inv.subs.bulkDelete')}
      </Button>
      <Dropdown
        disabled={!samePlatform}
        menu={{
          items: templates
            .filter((tp) => tp.platform === platformId)
            .map((tp) => ({ key: tp.id, label: templateLabel(tp, lang) })),
          onClick: ({ key }) =>
            void execute(
              (confirmHighRisk) =>
                mutate('subaccounts.bulkSetTemplate', { ids: selected, templateId: key, confirmHighRisk }),
              { ...(platformId ? { platformId } : {}), success: t('common.saved') },
            ),
        }}
      >
        <Button>{t('inv.subs.bulkTemplate')}</Button>
      </Dropdown>
    </Space>
  );
});
