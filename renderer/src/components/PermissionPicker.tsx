// Permissions grouped the way the platform groups them, each with its risk; Amazon picks a level per tool.
import { Checkbox, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import { normalizePermissions } from '../../../shared/domain/roles.ts';
import { useLang } from '../hooks/use-lang.ts';
import { pickText } from '../lib/text.ts';

export function PermissionPicker({
  platformId,
  value = [],
  onChange,
  disabled,
}: {
  platformId: PlatformId;
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const spec = platform(platformId);
  const set = new Set(value);
  const emit = (next: Set<string>) => onChange?.(normalizePermissions(platformId, [...next]));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="permission-picker">
      {spec.categories.map((cat) => {
        const perms = spec.permissions.filter((p) => p.category === cat.id);
        if (perms.length === 0) return null;
        if (spec.model.kind === 'tool-levels') {
          const tools = [...new Set(perms.map((p) => p.tool ?? p.id))];
          return (
            <div key={cat.id}>
              <Typography.Text strong>{pickText(cat.label, lang)}</Typography.Text>
              {tools.map((tool) => {
                const current = value.find((id) => id.startsWith(`${tool}:`)) ?? '';
                const edit = perms.find((p) => p.tool === tool && p.level === 'edit');
                const name = edit ? pickText(edit.label, lang).replace(/（.*）$|\s\(.*\)$/, '') : tool;
                return (
                  <div key={tool} style={{ marginInlineStart: 12 }}>
                    <span style={{ display: 'inline-block', minWidth: 160 }}>{name}</span>
                    <Radio.Group
                      size="small"
                      disabled={disabled}
                      value={current}
                      aria-label={name}
                      onChange={(e) => {
                        const next = new Set([...set].filter((id) => !id.startsWith(`${tool}:`)));
                        if (e.target.value) next.add(e.target.value as string);
                        emit(next);
                      }}
                      options={[
                        { label: lang === 'zh-CN' ? '无' : 'None', value: '' },
                        { label: lang === 'zh-CN' ? '查看' : 'View', value: `${tool}:view` },
                        { label: lang === 'zh-CN' ? '查看和编辑' : 'View & Edit', value: `${tool}:edit` },
                      ]}
                    />
                    {edit?.risk === 'high' && current.endsWith(':edit') && (
                      <Tag color="red">{t('inv.common.highRisk')}</Tag>
                    )}
                  </div>
                );
              })}
            </div>
          );
        }
        return (
          <div key={cat.id}>
            <Typography.Text strong>{pickText(cat.label, lang)}</Typography.Text>
            <div style={{ marginInlineStart: 12 }}>
              {perms.map((p) => (
                <Checkbox
                  key={p.id}
                  disabled={disabled}
                  checked={set.has(p.id)}
                  onChange={(e) => {
                    const next = new Set(set);
                    if (e.target.checked) next.add(p.id);
                    else next.delete(p.id);
                    emit(next);
                  }}
                >
                  {pickText(p.label, lang)}
                  {p.surface && (
                    <Tag style={{ marginInlineStart: 4 }}>
                      {p.surface === 'jingmai' ? '京麦' : '商家后台'}
                    </Tag>
                  )}
                  {p.risk === 'high' && (
                    <Tag color="red" style={{ marginInlineStart: 4 }}>
                      {t('inv.common.highRisk')}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </div>
          </div>
        );
      })}
    </Space>
  );
}
