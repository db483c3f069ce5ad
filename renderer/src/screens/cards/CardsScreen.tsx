import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CardInfo } from '../../../../shared/contract/work-types.ts';
import { offlineCardText } from '../../../../shared/domain/verification-card.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useSavePdf } from '../../hooks/use-save-pdf.ts';
import { errorText } from '../../i18n/errors.ts';
import { cardFileName, makeCardSvg, svgDataUrl, svgToPng } from '../../lib/card-image.ts';
import { downloadBlob } from '../../lib/download.ts';
import { useWork } from '../../stores/work-store.ts';
import { RegistrationConflicts } from '../verification/RegistrationConflicts.tsx';
import '../../print.css';
import { cardsApi } from '../../verification/verification-api.ts';

interface Card {
  info: CardInfo;
  svg: string;
  registered: boolean | null;
}

/**
 * Printable verification cards, four per A4 page. With `mode=registration` each QR holds the open
 * session's single-use link for that sub-account; otherwise a short text any scanner shows.
 */
export function CardsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const registration = params.get('mode') === 'registration';
  const session = useWork((s) => s.session);
  const loadSession = useWork((s) => s.loadSession);
  const [infos, setInfos] = useState<CardInfo[] | null>(null);
  const [busy, setBusy] = useState(false);

  const ids = useMemo(
    () =>
      registration
        ? (session?.entries.map((e) => e.subAccountId) ?? [])
        : (params.get('ids') ?? '').split(',').filter(Boolean),
    [registration, session, params],
  );
  useEffect(() => {
    if (registration) void loadSession();
  }, [registration, loadSession]);
  const idKey = ids.join(',');
  useEffect(() => {
    if (!idKey) {
      setInfos([]);
      return;
    }
    void cardsApi.get({ ids: idKey.split(',') }).then(setInfos, (err) => {
      setInfos([]);
      message.error(errorText(err, lang));
    });
  }, [idKey, message, lang]);

  const cards: Card[] = useMemo(
    () =>
      (infos ?? []).map((info) => {
        const entry = session?.entries.find((e) => e.subAccountId === info.subAccountId);
        const useUrl = registration && entry;
        const text = useUrl ? entry.url : offlineCardText(info);
        return {
          info,
          svg: makeCardSvg(info, text, useUrl ? 'registration' : 'offline'),
          registered: useUrl ? entry.registered : null,
        };
      }),
    [infos, session, registration],
  );

  const save = useSavePdf();
  const savePdf = async () => {
    setBusy(true);
    await save().finally(() => setBusy(false));
  };

  return (
    <>
      <div className="no-print">
        <Space style={{ marginBottom: 8 }} wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            {t('work.cards.back')}
          </Button>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('work.cards.title')}
          </Typography.Title>
        </Space>
        <Typography.Paragraph type="secondary">
          {registration ? t('work.cards.registrationMode') : t('work.cards.offlineMode')}
          {registration && session && (
            <strong role="status" style={{ marginInlineStart: 12 }}>
              {t('work.registration.progress', { registered: session.registered, total: session.total })}
            </strong>
          )}
        </Typography.Paragraph>
        {registration && (
          <div className="no-print" style={{ marginBottom: 12 }}>
            <RegistrationConflicts />
          </div>
        )}
        <Space style={{ marginBottom: 16 }} wrap>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={cards.length === 0}
          >
            {t('work.cards.print')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => void savePdf()}
            disabled={cards.length === 0 || busy}
          >
            {t('work.cards.savePdf')}
          </Button>
          <Typography.Text type="secondary">{t('work.cards.printHint')}</Typography.Text>
        </Space>
      </div>
      {infos === null ? (
        <Spin />
      ) : cards.length === 0 ? (
        <Empty description={t('work.cards.empty')} />
      ) : (
        <div className="card-sheet">
          {cards.map((c) => (
            <figure key={c.info.subAccountId} className="verification-card" aria-label={c.info.fullName}>
              <img src={svgDataUrl(c.svg)} alt={c.info.fullName} />
              <figcaption className="no-print">
                <Space>
                  {c.registered !== null && (
                    <Badge
                      status={c.registered ? 'success' : 'default'}
                      text={c.registered ? t('work.registration.registered') : t('work.registration.waiting')}
                    />
                  )}
                  <Button
                    size="small"
                    aria-label={`PNG ${c.info.fullName}`}
                    onClick={() =>
                      void svgToPng(c.svg).then((b) => downloadBlob(b, cardFileName(c.info.fullName, 'png')))
                    }
                  >
                    {t('work.cards.png')}
                  </Button>
                  <Button
                    size="small"
                    aria-label={`SVG ${c.info.fullName}`}
                    onClick={() =>
                      downloadBlob(
                        new Blob([c.svg], { type: 'image/svg+xml' }),
                        cardFileName(c.info.fullName, 'svg'),
                      )
                    }
                  >
                    {t('work.cards.svg')}
                  </Button>
                </Space>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </>
  );
}
