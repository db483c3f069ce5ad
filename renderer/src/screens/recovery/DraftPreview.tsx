import { CopyOutlined, FilePdfOutlined, MailOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { pickText } from '../../lib/text.ts';
import { DraftDocument } from './DraftDocument.tsx';

/** The letter as it will be sent, every way out of the app, and the checklist of what to attach. */
export function DraftPreview(props: {
  draft: DraftView;
  onExportEml(): void;
  onPrint(pdf: boolean): void;
  onCopy(format: 'rich' | 'plain'): void;
  onCheck(key: string, checked: boolean): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = props.draft;
  return (
    <Card
      size="small"
      title={<span className="no-print">{t('recoveryReq.preview')}</span>}
      extra={
        <Space wrap className="no-print">
          <Button size="small" icon={<MailOutlined />} onClick={props.onExportEml}>
            {t('recoveryReq.exportEml')}
          </Button>
          <Button size="small" icon={<PrinterOutlined />} onClick={() => props.onPrint(false)}>
            {t('recoveryReq.print')}
          </Button>
          <Button size="small" icon={<FilePdfOutlined />} onClick={() => props.onPrint(true)}>
            {t('recoveryReq.savePdf')}
          </Button>
          <Button size="small" icon={<CopyOutlined />} onClick={() => props.onCopy('rich')}>
            {t('recoveryReq.copyRich')}
          </Button>
          <Button size="small" onClick={() => props.onCopy('plain')}>
            {t('recoveryReq.copyPlain')}
          </Button>
        </Space>
      }
    >
      <DraftDocument doc={d.doc} to={t('recoveryReq.to')} subject={t('recoveryReq.subject')} />
      {d.doc.checklist.length > 0 && (
        <div className="no-print" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('recoveryReq.checklist')}</Typography.Text>
          {d.doc.checklist.map((c) => (
            <div key={c.key}>
              <Checkbox
                checked={d.checks[c.key] ?? false}
                onChange={(e) => props.onCheck(c.key, e.target.checked)}
              >
                {pickText(c.text, lang)}
              </Checkbox>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
