// After a batch creation: one platform checklist per shop and template for every new temporary agent still
// to be set up on the platform (as retirement has one): the steps once, then each agent with copy buttons
// for its name and password, and one confirmation for all of them.
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubAccountView } from '../../../../shared/contract/inventory-types.ts';
import type { ChecklistStep } from '../../../../shared/domain/permissions.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { CopyAccountButtons } from '../subaccounts/SubAccountDialogs.tsx';

export function CreateGuides() {
  const subAccounts = useInventory((s) => s.subAccounts);
  const ensureLoaded = useInventory((s) => s.ensureLoaded);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  // New agents still to create on the platform, grouped by shop and template (same steps within a group).
  const groups = useMemo(() => {
    const out = new Map<string, SubAccountView[]>();
    for (const s of subAccounts)
      if (s.temporary && s.sync === 'pending' && s.status === 'active') {
        const key = `${s.shopId}/${s.templateId ?? ''}`;
        out.set(key, [...(out.get(key) ?? []), s]);
      }
    return [...out.values()];
  }, [subAccounts]);
  if (groups.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {groups.map((g) => (
        <CreateGuide key={`${g[0]!.shopId}/${g[0]!.templateId}`} agents={g} />
      ))}
    </Space>
  );
}

function CreateGuide({ agents }: { agents: SubAccountView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mutate = useInventory((s) => s.mutate);
  const { execute, message } = useMutation();
  const first = agents[0]!;
  const [steps, setSteps] = useState<ChecklistStep[] | null>(null);
  useEffect(() => {
    useInventory
      .getState()
      .checklist(first.id)
      .then(
        (c) => setSteps(c.steps),
        (err: unknown) => message.error(errorText(err, lang)),
      );
  }, [first.id, message, lang]);
  return (
    <Card
      size="small"
      role="region"
      aria-label={`${t('work.agents.createGuide')} ${first.shopName}`}
      title={
        <Space>
          {t('work.agents.createGuide')} · {first.shopName} · {pickText(platform(first.platform).name, lang)}
          <Tag color="orange">{t('work.agents.pending', { count: agents.length })}</Tag>
        </Space>
      }
    >
      {steps && (
        <ol style={{ paddingInlineStart: 20, marginTop: 0 }}>
          <li>{pickText(steps[0]!.text, lang)}</li>
          <li>{t('work.agents.createEach')}</li>
          {steps.slice(2).map((s) => (
            <li key={s.text.zh}>{pickText(s.text, lang)}</li>
          ))}
        </ol>
      )}
      <List
        size="small"
        style={{ maxHeight: 260, overflow: 'auto', marginBottom: 8 }}
        dataSource={agents}
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <Typography.Text strong>{a.fullName}</Typography.Text>
              <CopyAccountButtons sub={a} />
            </Space>
          </List.Item>
        )}
      />
      <Button
        type="primary"
        onClick={() =>
          void execute(() => mutate('subaccounts.bulkMarkSynced', { ids: agents.map((a) => a.id) }), {
            success: t('inv.subs.bulkSyncedDone', { count: agents.length }),
          })
        }
      >
        {t('work.agents.createdAll', { count: agents.length })}
      </Button>
    </Card>
  );
}
