// One recovery draft: the container. It opens the draft in the area's store, saves on blur/hide/close, and
// turns the views' requests into calls with the app's error handling.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DraftState } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useShowError } from '../../hooks/use-show-error.ts';
import { errorText } from '../../i18n/errors.ts';
import { downloadExport, fileToBase64 } from '../../lib/download.ts';
import '../../print.css';
import { useDraft } from '../../recovery/draft-store.ts';
import { recoveryApi } from '../../recovery/recovery-api.ts';
import { DraftFields } from './DraftFields.tsx';
import { DraftHeader } from './DraftHeader.tsx';
import { DraftPreview } from './DraftPreview.tsx';

export function DraftScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { execute } = useMutation();
  const draft = useDraft((s) => s.draft);
  const saving = useDraft((s) => s.saving);
  const saveError = useDraft((s) => s.saveError);
  const { open, edit, flush, clearSaveError } = useDraft.getState();
  const [showAll, setShowAll] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  // Read once per draft opened (not again when the language or the message API changes identity).
  const showError = useShowError();
  useEffect(() => {
    open(id).catch(showError);
  }, [id, open, showError]);
  useEffect(() => {
    if (saveError === null) return;
    message.error(errorText(saveError, lang));
    clearSaveError();
  }, [saveError, message, lang, clearSaveError]);
  // Saved at once when the window loses focus, is hidden or closes, not only after the pause.
  useEffect(() => {
    const now = () => void flush();
    const onHidden = () => document.visibilityState === 'hidden' && now();
    window.addEventListener('blur', now);
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('blur', now);
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', onHidden);
      now();
    };
  }, [flush]);

  if (!draft || draft.id !== id) return <Spin />;
  const setState = (state: DraftState) =>
    void execute(() => useDraft.getState().setState(state), {
      onError: (err) => {
        if (err.code === 'DRAFT_INCOMPLETE') setShowAll(true);
        return false;
      },
    });
  const afterSave = async <T,>(run: () => Promise<T>) => {
    await flush();
    return execute(run);
  };

  return (
    <>
      <DraftHeader
        draft={draft}
        saving={saving}
        onBack={() => void navigate('/recovery')}
        onState={setState}
      />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={11} className="no-print">
          <Card size="small">
            <DraftFields draft={draft} showAll={showAll} onField={edit} onBlur={() => void flush()} />
            <Space wrap>
              <Button icon={<PaperClipOutlined />} onClick={() => file.current?.click()}>
                {t('recoveryReq.attach')}
              </Button>
              <input
                ref={file}
                type="file"
                hidden
                aria-label={t('recoveryReq.attach')}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (!f) return;
                  const contentBase64 = await fileToBase64(f);
                  await execute(() => useDraft.getState().attach(f.name, contentBase64));
                }}
              />
              {draft.attachments.map((a) => (
                <Typography.Text key={a.id} code>
                  {a.name}
                </Typography.Text>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <DraftPreview
            draft={draft}
            onExportEml={async () => {
              const f = await afterSave(() => recoveryApi.exportEml({ id }));
              if (f) downloadExport(f);
            }}
            onPrint={(pdf) => void navigate(`/recovery/${id}/print${pdf ? '?pdf=1' : ''}`)}
            onCopy={async (format) => {
              if (await afterSave(() => recoveryApi.copy({ id, format })))
                message.success(t('recoveryReq.copied'));
            }}
            onCheck={(key, checked) => void execute(() => useDraft.getState().setCheck(key, checked))}
          />
        </Col>
      </Row>
    </>
  );
}
