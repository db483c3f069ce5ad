import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { useSavePdf } from '../../hooks/use-save-pdf.ts';
import { DraftDocument } from './DraftDocument.tsx';
import '../../print.css';
import { recoveryApi } from '../../recovery/recovery-api.ts';

/** The letter alone on an A4 page: printed, or saved as PDF by main (Electron) or the print dialog. */
export function DraftPrintScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [d, setDraft] = useState<DraftView | null>(null);
  const once = useRef(false);
  useEffect(() => {
    void recoveryApi.get({ id }).then(setDraft);
  }, [id]);

  const savePdf = useSavePdf();
  useEffect(() => {
    if (d && params.get('pdf') === '1' && !once.current) {
      once.current = true;
      void savePdf();
    }
  });

  if (!d) return <Spin />;
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/recovery/${id}`)}>
          {t('work.cards.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('recoveryReq.print')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()}>
          {t('recoveryReq.savePdf')}
        </Button>
      </Space>
      <div className="print-page">
        <DraftDocument doc={d.doc} to={t('recoveryReq.to')} subject={t('recoveryReq.subject')} />
      </div>
    </>
  );
}
