import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLang } from '../../hooks/use-lang.ts';
import { useSavePdf } from '../../hooks/use-save-pdf.ts';
import { errorText } from '../../i18n/errors.ts';
import { DraftDocument } from './DraftDocument.tsx';
import '../../print.css';
import { useDraft } from '../../recovery/draft-store.ts';

/** The letter alone on an A4 page: printed, or saved as PDF by main (Electron) or the print dialog. */
export function DraftPrintScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const lang = useLang();
  // The draft as the store holds it (the screen it was opened from saved what was typed before leaving).
  const draft = useDraft((s) => s.draft);
  const d = draft?.id === id ? draft : null;
  const once = useRef(false);
  useEffect(() => {
    useDraft
      .getState()
      .open(id)
      .catch((err: unknown) => message.error(errorText(err, lang)));
  }, [id, message, lang]);

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
