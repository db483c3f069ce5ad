// The values that lost to a concurrent change, with who made each; restoring one writes it back for all.
import { Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../../shared/contract/team-types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { pickText } from '../../lib/text.ts';
import { useTeam } from '../../team/team-store.ts';
import { beijing } from './StatusCard.tsx';

export function ConflictsCard() {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const conflicts = useTeam((s) => s.conflicts);
  const resolve = useTeam((s) => s.resolve);
  const lang = useLang();
  /** A deposit checklist item travels as its data: shown as its text, whether it is done, and its note. */
  const readable = (c: ConflictView, v: string | null): string | null => {
    if (c.kind !== 'deposit' || c.field !== 'items' || v === null) return v;
    const item = checklistItem(v);
    if (!item) return v;
    const state = t(item.done ? 'team.conflicts.itemDone' : 'team.conflicts.itemOpen');
    return [pickText(item.text, lang), state, item.note].filter(Boolean).join(' · ');
  };
  const value = (c: ConflictView, v: string | null, by: string) => (
    <Space direction="vertical" size={0}>
      <span>{c.secret ? t('team.conflicts.hidden') : (readable(c, v) ?? '—')}</span>
      <Typography.Text type="secondary">{t('team.conflicts.by', { name: by })}</Typography.Text>
    </Space>
  );
  return (
    <Card title={t('team.conflicts.title')} role="region" aria-label={t('team.conflicts.title')}>
      <Typography.Paragraph type="secondary">{t('team.conflicts.intro')}</Typography.Paragraph>
      <Table<ConflictView>
        rowKey="cid"
        size="small"
        pagination={false}
        dataSource={conflicts}
        locale={{ emptyText: t('team.conflicts.none') }}
        scroll={{ x: 860 }}
        columns={[
          { title: t('team.conflicts.record'), dataIndex: 'record', width: 180, ellipsis: true },
          { title: t('team.conflicts.field'), dataIndex: 'field', width: 110 },
          {
            title: t('team.conflicts.kept'),
            key: 'kept',
            width: 180,
            render: (_, c) => value(c, c.kept, c.keptBy),
          },
          {
            title: t('team.conflicts.lost'),
            key: 'lost',
            width: 180,
            render: (_, c) => value(c, c.lost, c.lostBy),
          },
          { title: t('team.members.since'), dataIndex: 'at', width: 160, render: (v: string) => beijing(v) },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            width: 220,
            fixed: 'right',
            render: (_, c) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => void execute(() => resolve(c.cid, 'keep'))}>
                  {t('team.conflicts.keep')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    void execute(() => resolve(c.cid, 'restore'), { success: t('team.conflicts.restored') })
                  }
                >
                  {t('team.conflicts.restore')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function checklistItem(v: string): { text: { zh: string; en: string }; done: boolean; note: string } | null {
  try {
    const x = JSON.parse(v) as Record<string, unknown>;
    const text = x.text as { zh?: unknown; en?: unknown } | undefined;
    return typeof text?.zh === 'string' && typeof text.en === 'string' && typeof x.done === 'boolean'
      ? { text: { zh: text.zh, en: text.en }, done: x.done, note: typeof x.note === 'string' ? x.note : '' }
      : null;
  } catch {
    return null;
  }
}
