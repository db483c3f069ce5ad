// The import wizard: source -> file (and its password) -> columns (sheets) -> preview -> done. The file is
// held in main under a token while the wizard is open; leaving forgets it, and the passwords in it.
import { Button, Card, Result, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../../shared/contract/transfer-types.ts';
import { useTransfer } from '../../../transfer/transfer-store.ts';
import { ImportFileStep } from './ImportFileStep.tsx';
import { ImportMappingStep } from './ImportMappingStep.tsx';
import { ImportPreviewStep } from './ImportPreviewStep.tsx';
import { ImportSourceStep, type Source } from './ImportSourceStep.tsx';

type Phase =
  | { step: 'source' }
  | { step: 'file' }
  | { step: 'mapping'; preview: ImportPreview }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'done'; result: ImportResult };

const INDEX = { source: 0, file: 1, mapping: 2, preview: 3, done: 4 } as const;

export function ImportCard() {
  const { t } = useTranslation();
  const discard = useTransfer((s) => s.discardImport);
  const [source, setSource] = useState<Source>('sheet');
  const [phase, setPhase] = useState<Phase>({ step: 'source' });
  // The token main holds the file under, forgotten when the wizard starts over or the screen closes.
  const token = useRef<string | null>(null);
  const forget = () => {
    if (token.current) void discard(token.current).catch(() => {});
    token.current = null;
  };
  useEffect(
    () => () => {
      if (token.current)
        void useTransfer
          .getState()
          .discardImport(token.current)
          .catch(() => {});
    },
    [],
  );

  const read = (p: ImportPreview) => {
    token.current = p.token;
    setPhase(p.header ? { step: 'mapping', preview: p } : { step: 'preview', preview: p });
  };
  const restart = () => {
    forget();
    setPhase({ step: 'source' });
  };

  return (
    <Card title={t('transfer.import.title')} role="region" aria-label={t('transfer.import.title')}>
      <Typography.Paragraph type="secondary">{t('transfer.import.intro')}</Typography.Paragraph>
      <Steps
        size="small"
        current={INDEX[phase.step]}
        style={{ marginBottom: 24 }}
        items={(['source', 'file', 'mapping', 'preview', 'done'] as const).map((s) => ({
          title: t(`transfer.import.steps.${s}`),
        }))}
      />
      {phase.step === 'source' && (
        <ImportSourceStep source={source} onSource={setSource} onNext={() => setPhase({ step: 'file' })} />
      )}
      {phase.step === 'file' && <ImportFileStep onRead={read} onBack={() => setPhase({ step: 'source' })} />}
      {phase.step === 'mapping' && (
        <ImportMappingStep
          preview={phase.preview}
          onPreview={(p) => setPhase({ step: 'preview', preview: p })}
          onBack={restart}
        />
      )}
      {phase.step === 'preview' && (
        <ImportPreviewStep
          preview={phase.preview}
          onDone={(result) => {
            token.current = null;
            setPhase({ step: 'done', result });
          }}
          onBack={() =>
            phase.preview.header ? setPhase({ step: 'mapping', preview: phase.preview }) : restart()
          }
        />
      )}
      {phase.step === 'done' && (
        <Result
          status="success"
          title={t('transfer.import.done', { ...phase.result })}
          subTitle={
            phase.result.safetyBackup
              ? t('backup.keptBefore', {
                  what: t('backup.reasons.before-import'),
                  file: phase.result.safetyBackup,
                })
              : undefined
          }
          extra={
            <Button type="primary" onClick={restart}>
              {t('transfer.import.again')}
            </Button>
          }
        />
      )}
    </Card>
  );
}
