import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKitCreated } from '../../../../shared/contract/backup-types.ts';
import { useSavePdf } from '../../hooks/use-save-pdf.ts';
import { beijing } from '../../lib/duration.ts';
import { useSession } from '../../stores/session-store.ts';
import '../../print.css';

/**
 * The 应急恢复包 sheet: an A4 page with the recovery key (grouped for typing, and as a QR code), what it is,
 * how to use it and where to keep it. Shown once, right after the key was made; printed or saved as PDF.
 */
export function KitSheet({ kit, onDone }: { kit: RecoveryKitCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const dataDir = useSession((s) => s.info?.dataDir ?? '');
  const savePdf = useSavePdf();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(kit.key, { errorCorrectionLevel: 'Q', margin: 2, scale: 6 }).then(setQr);
  }, [kit.key]);
  return (
    <>
      <div className="no-print" style={{ marginBottom: 16 }}>
        <Alert type="warning" showIcon role="alert" title={t('kit.shownOnce')} style={{ marginBottom: 12 }} />
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('kit.print')}
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()}>
            {t('kit.savePdf')}
          </Button>
          <Button onClick={onDone}>{t('kit.done')}</Button>
        </Space>
      </div>
      <div className="print-page" data-testid="kit-sheet">
        <h1 style={{ fontSize: 22, margin: '0 0 8px' }}>{t('kit.sheetTitle')}</h1>
        <p>{t('kit.sheetWhat')}</p>
        <p>
          <strong>{t('kit.sheetHow')}</strong>
        </p>
        <table className="draft-table">
          <tbody>
            <tr>
              <th>{t('kit.sheetKey')}</th>
              <td>
                <code
                  data-testid="kit-key"
                  style={{ fontSize: 22, letterSpacing: 1, wordBreak: 'break-all' }}
                >
                  {kit.key}
                </code>
              </td>
            </tr>
            <tr>
              <th>{t('kit.sheetCreated')}</th>
              <td>{beijing(Date.parse(kit.createdAt))}</td>
            </tr>
            <tr>
              <th>{t('kit.sheetVault')}</th>
              <td>{dataDir}</td>
            </tr>
          </tbody>
        </table>
        {qr && <img src={qr} alt={t('kit.sheetKey')} width={180} height={180} data-testid="kit-qr" />}
        <p>{t('kit.sheetWhere')}</p>
      </div>
    </>
  );
}
