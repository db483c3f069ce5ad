import { Button, Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { pickText } from '../../lib/text.ts';
import { useWork } from '../../stores/work-store.ts';

/** For each shop with retired agents not yet confirmed gone: the back-end steps and a confirm per agent. */
export function RetireGuides() {
  const { t } = useTranslation();
  const lang = useLang();
  const guides = useWork((s) => s.guides);
  const { execute } = useMutation();
  const [ticked, setTicked] = useState<string[]>([]);
  if (guides.length === 0) return null;
  const confirm = async (ids: string[]) => {
    const r = await execute(
      () =>
        useWork
          .getState()
          .confirmGone(ids)
          .then(() => true),
      {
        success: t('work.agents.confirmed', { count: ids.length }),
      },
    );
    if (r) setTicked((prev) => prev.filter((id) => !ids.includes(id)));
  };
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {guides.map((g) => {
        const mine = g.pending.map((p) => p.id).filter((id) => ticked.includes(id));
        return (
          <Card
            key={`${g.shopId}/${g.mode}`}
            size="small"
            role="region"
            aria-label={`${t('work.agents.guides')} ${g.shopName}`}
            title={
              <Space>
                {t('work.agents.guides')} · {g.shopName} · {pickText(platform(g.platform).name, lang)}
                <Tag color="gold">{t('work.agents.pending', { count: g.pending.length })}</Tag>
              </Space>
            }
          >
            <ol style={{ paddingInlineStart: 20, marginTop: 0 }}>
              {g.steps.map((s) => (
                <li key={s.text.zh}>{pickText(s.text, lang)}</li>
              ))}
            </ol>
            <List
              size="small"
              style={{ maxHeight: 220, overflow: 'auto', marginBottom: 8 }}
              dataSource={g.pending}
              renderItem={(p) => (
                <List.Item>
                  <Checkbox
                    checked={ticked.includes(p.id)}
                    onChange={(e) =>
                      setTicked((prev) =>
                        e.target.checked ? [...prev, p.id] : prev.filter((x) => x !== p.id),
                      )
                    }
                  >
                    {p.fullName}
                  </Checkbox>
                </List.Item>
              )}
            />
            <Space>
              <Button type="primary" disabled={mine.length === 0} onClick={() => void confirm(mine)}>
                {t('work.agents.confirmGone')} ({mine.length})
              </Button>
              <Typography.Text type="secondary">
                <Button
                  type="link"
                  size="small"
                  onClick={() => setTicked((prev) => [...new Set([...prev, ...g.pending.map((p) => p.id)])])}
                >
                  {t('inv.common.all')}
                </Button>
              </Typography.Text>
            </Space>
          </Card>
        );
      })}
    </Space>
  );
}
