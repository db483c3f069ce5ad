import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, List, Space, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseItemView, DepositCaseView } from '../../../../shared/contract/deposit-types.ts';
import type { SectionId } from '../../../../shared/domain/deposit/checklist-templates.ts';
import { useDeposit } from '../../deposit/deposit-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { downloadExport, fileToBase64 } from '../../lib/download.ts';
import { pickText } from '../../lib/text.ts';

/** Runs a change with the app's error handling; the result, or undefined when refused (already shown). */
type Run = (fn: () => Promise<DepositCaseView>) => Promise<DepositCaseView | undefined>;
const store = () => useDeposit.getState();

/** One section of the checklist: tick, note and date per item, files on materials, the user's own items. */
export function ChecklistSection({
  section,
  c,
  run,
  children,
}: {
  section: SectionId;
  c: DepositCaseView;
  run: Run;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const items = c.items.filter((i) => i.section === section);
  const done = items.filter((i) => i.done).length;
  return (
    <Card
      size="small"
      role="region"
      aria-label={t(`deposit.sections.${section}`)}
      title={`${t(`deposit.sections.${section}`)}（${done}/${items.length}）`}
    >
      <List dataSource={items} renderItem={(i) => <Item key={i.id} i={i} run={run} />} />
      {children}
      <Space.Compact style={{ marginTop: 8, maxWidth: 480 }}>
        <Input
          value={adding}
          placeholder={t('deposit.newItem')}
          aria-label={`${t('deposit.addItem')} ${t(`deposit.sections.${section}`)}`}
          maxLength={200}
          onChange={(e) => setAdding(e.target.value)}
        />
        <Button
          disabled={!adding.trim()}
          onClick={() => void run(() => store().addItem(section, adding)).then((r) => r && setAdding(''))}
        >
          {t('deposit.addItem')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function Item({ i, run }: { i: CaseItemView; run: Run }) {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const lang = useLang();
  const file = useRef<HTMLInputElement>(null);
  const label = pickText(i.text, lang);
  const update = (patch: { done?: boolean; note?: string; date?: string | null }) =>
    run(() => store().updateItem(i.id, patch));
  return (
    <List.Item>
      <Space direction="vertical" style={{ width: '100%' }} size={4}>
        <Space align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Checkbox
            checked={i.done}
            onChange={(e) => void update({ done: e.target.checked })}
            aria-label={label}
          >
            {label}
          </Checkbox>
          {i.custom && (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('deposit.removeItem')} ${label}`}
              onClick={() => void run(() => store().removeItem(i.id))}
            />
          )}
        </Space>
        {i.recoveryLink && <Link to="/recovery">{t('deposit.recovery')}</Link>}
        <Space wrap>
          <Input
            size="small"
            style={{ width: 280 }}
            defaultValue={i.note}
            placeholder={t('deposit.note')}
            aria-label={`${t('deposit.note')} ${label}`}
            maxLength={1000}
            onBlur={(e) => e.target.value !== i.note && void update({ note: e.target.value })}
          />
          <Input
            size="small"
            style={{ width: 130 }}
            defaultValue={i.date ?? ''}
            placeholder="YYYY-MM-DD"
            aria-label={`${t('deposit.itemDate')} ${label}`}
            onBlur={(e) => {
              const v = e.target.value.trim();
              if (v === (i.date ?? '')) return;
              if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) void update({ date: v || null });
            }}
          />
          {i.attachable && (
            <>
              <Button size="small" icon={<PaperClipOutlined />} onClick={() => file.current?.click()}>
                {t('deposit.attach')}
              </Button>
              <input
                ref={file}
                type="file"
                hidden
                aria-label={`${t('deposit.attach')} ${label}`}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (!f) return;
                  const contentBase64 = await fileToBase64(f);
                  await run(() => store().addAttachment(i.id, f.name, contentBase64));
                }}
              />
            </>
          )}
        </Space>
        {i.attachments.length > 0 && (
          <Space wrap>
            {i.attachments.map((a) => (
              <Space key={a.id} size={0}>
                <Button
                  size="small"
                  type="link"
                  onClick={async () => {
                    const file = await execute(() => store().openAttachment(i.id, a.id));
                    if (file) downloadExport(file);
                  }}
                >
                  {a.name}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Math.ceil(a.size / 1024)} KB
                </Typography.Text>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${t('inv.common.delete')} ${a.name}`}
                  icon={<DeleteOutlined />}
                  onClick={() => void run(() => store().removeAttachment(i.id, a.id))}
                />
              </Space>
            ))}
          </Space>
        )}
      </Space>
    </List.Item>
  );
}
