import {
  ArrowLeftOutlined,
  CopyOutlined,
  FilePdfOutlined,
  MailOutlined,
  PaperClipOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Steps,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../shared/contract/errors.ts';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { type DraftState, FIELDS, KIND_LABELS } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { downloadExport, fileToBase64 } from '../../lib/download.ts';
import { pickText } from '../../lib/text.ts';
import { DraftDocument } from './DraftDocument.tsx';
import '../../print.css';
import { unsaved } from '../../lib/unsaved.ts';
import { recoveryApi } from '../../recovery/recovery-api.ts';

const ORDER: DraftState[] = ['draft', 'ready', 'sent', 'resolved'];

/** One recovery draft: the form (autosaved as typed), its state, the letter, and every way out of the app. */
export function DraftScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { execute } = useMutation();
  const [d, setDraft] = useState<DraftView | null>(null);
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const pending = useRef<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => recoveryApi.get({ id }).then(setDraft), [id]);
  const keptKey = `recovery:${id}`;

  /** Autosave: what was typed goes to main a moment after the last keystroke (and on leaving the field). */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const fields = pending.current;
    pending.current = {};
    if (Object.keys(fields).length === 0) return;
    setSaving(true);
    try {
      setDraft(await recoveryApi.update({ id, fields }));
      unsaved.drop(keptKey);
    } catch (err) {
      // Not saved (e.g. the vault locked meanwhile): it stays kept and is saved after the next unlock.
      if (!(err instanceof AppError && err.code === 'VAULT_LOCKED')) message.error(errorText(err, lang));
    } finally {
      setSaving(false);
    }
  }, [id, message, lang, keptKey]);
  useEffect(() => {
    // What was typed but not saved before a lock is put back and saved now.
    void reload().then(() => {
      const kept = unsaved.peek(keptKey) as Record<string, string> | undefined;
      if (!kept) return;
      pending.current = { ...kept, ...pending.current };
      setDraft((prev) => (prev ? { ...prev, fields: { ...prev.fields, ...kept } } : prev));
      void flush();
    });
  }, [reload, keptKey, flush]);
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
      void flush();
    };
  }, [flush]);
  const onField = (key: string, value: string) => {
    pending.current[key] = value;
    unsaved.keep(keptKey, { [key]: value });
    setDraft((prev) => (prev ? { ...prev, fields: { ...prev.fields, [key]: value } } : prev));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 400);
  };

  if (!d) return <Spin />;
  const setState = async (state: DraftState) => {
    await flush();
    try {
      setDraft(await recoveryApi.setState({ id, state }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'DRAFT_INCOMPLETE') setShowAll(true);
      message.error(errorText(err, lang));
    }
  };
  const problems = Object.keys(d.problems);
  const idx = ORDER.indexOf(d.state);

  return (
    <>
      <div className="no-print">
        <Space style={{ marginBottom: 8 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/recovery')}>
            {t('work.cards.back')}
          </Button>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {pickText(KIND_LABELS[d.kind], lang)}
          </Typography.Title>
          <Typography.Text type="secondary" role="status">
            {saving ? t('recoveryReq.saving') : t('recoveryReq.saved')}
          </Typography.Text>
        </Space>
        <Steps
          size="small"
          current={idx}
          style={{ maxWidth: 640, margin: '12px 0' }}
          items={ORDER.map((s) => ({ title: t(`recoveryReq.state.${s}`) }))}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          {d.state === 'draft' && (
            <Button type="primary" onClick={() => void setState('ready')}>
              {t('recoveryReq.markReady')}
            </Button>
          )}
          {d.state === 'ready' && (
            <Button type="primary" onClick={() => void setState('sent')}>
              {t('recoveryReq.markSent')}
            </Button>
          )}
          {d.state === 'sent' && (
            <Button type="primary" onClick={() => void setState('resolved')}>
              {t('recoveryReq.markResolved')}
            </Button>
          )}
          {d.state !== 'draft' && (
            <Button onClick={() => void setState('draft')}>{t('recoveryReq.backToDraft')}</Button>
          )}
          {problems.length > 0 && (
            <Typography.Text type="warning">
              {t('recoveryReq.incomplete', { count: problems.length })}
            </Typography.Text>
          )}
        </Space>
        {d.replyWindow && d.state === 'sent' && (
          <Alert
            type="info"
            showIcon
            message={t('recoveryReq.replyWindow', { from: d.replyWindow.from, to: d.replyWindow.to })}
          />
        )}
        {d.replyOverdue && (
          <Alert type="error" showIcon message={t('recoveryReq.replyOverdue')} style={{ marginTop: 8 }} />
        )}
      </div>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} xl={11} className="no-print">
          <Card size="small">
            <Form layout="vertical" onBlur={() => void flush()}>
              {FIELDS[d.kind].map((f) => {
                const problem = d.problems[f.key];
                const show = problem && (showAll || (d.fields[f.key] ?? '') !== '');
                const common = {
                  validateStatus: show ? ('error' as const) : undefined,
                  help: show ? pickText(problem!, lang) : undefined,
                  label: pickText(f.label, lang),
                };
                const value = d.fields[f.key] ?? '';
                return (
                  <Form.Item key={f.key} {...common} htmlFor={`f-${f.key}`}>
                    {f.type === 'select' ? (
                      <Select
                        id={`f-${f.key}`}
                        value={value || undefined}
                        onChange={(v) => {
                          onField(f.key, v);
                          void flush();
                        }}
                        options={f.options!.map((o) => ({ value: o.value, label: pickText(o.label, lang) }))}
                      />
                    ) : f.type === 'textarea' ? (
                      <Input.TextArea
                        id={`f-${f.key}`}
                        value={value}
                        autoSize={{ minRows: 2 }}
                        maxLength={5000}
                        onChange={(e) => onField(f.key, e.target.value)}
                      />
                    ) : f.type === 'checkbox' ? (
                      <Checkbox
                        id={`f-${f.key}`}
                        checked={value === 'true'}
                        onChange={(e) => {
                          onField(f.key, String(e.target.checked));
                          void flush();
                        }}
                      />
                    ) : (
                      <Input
                        id={`f-${f.key}`}
                        value={value}
                        maxLength={5000}
                        onChange={(e) => onField(f.key, e.target.value)}
                      />
                    )}
                  </Form.Item>
                );
              })}
            </Form>
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
                  const next = await execute(() =>
                    recoveryApi.addAttachment({ id, fileName: f.name, contentBase64 }),
                  );
                  if (next) setDraft(next);
                }}
              />
              {d.attachments.map((a) => (
                <Typography.Text key={a.id} code>
                  {a.name}
                </Typography.Text>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            size="small"
            title={<span className="no-print">{t('recoveryReq.preview')}</span>}
            extra={
              <Space wrap className="no-print">
                <Button
                  size="small"
                  icon={<MailOutlined />}
                  onClick={async () => {
                    await flush();
                    const f = await execute(() => recoveryApi.exportEml({ id }));
                    if (f) downloadExport(f);
                  }}
                >
                  {t('recoveryReq.exportEml')}
                </Button>
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  onClick={() => void navigate(`/recovery/${id}/print`)}
                >
                  {t('recoveryReq.print')}
                </Button>
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  onClick={() => void navigate(`/recovery/${id}/print?pdf=1`)}
                >
                  {t('recoveryReq.savePdf')}
                </Button>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={async () => {
                    await flush();
                    if (await execute(() => recoveryApi.copy({ id, format: 'rich' })))
                      message.success(t('recoveryReq.copied'));
                  }}
                >
                  {t('recoveryReq.copyRich')}
                </Button>
                <Button
                  size="small"
                  onClick={async () => {
                    await flush();
                    if (await execute(() => recoveryApi.copy({ id, format: 'plain' })))
                      message.success(t('recoveryReq.copied'));
                  }}
                >
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
                      onChange={(e) =>
                        void recoveryApi
                          .update({
                            id,
                            fields: {},
                            checks: { [c.key]: e.target.checked },
                          })
                          .then(setDraft)
                      }
                    >
                      {pickText(c.text, lang)}
                    </Checkbox>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
