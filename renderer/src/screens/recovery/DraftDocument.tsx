import { Typography } from 'antd';
import type { DraftDoc } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { pickText } from '../../lib/text.ts';

/** The letter as React renders it (every value escaped by React): preview and print view. */
export function DraftDocument({ doc, to, subject }: { doc: DraftDoc; to: string; subject: string }) {
  const lang = useLang();
  return (
    <article className="draft-document" aria-label={doc.subject}>
      {doc.to && (
        <p>
          <strong>{to}：</strong>
          {doc.to}
        </p>
      )}
      <p>
        <strong>{subject}：</strong>
        {doc.subject}
      </p>
      {doc.paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity beyond their order.
        <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {p}
        </Typography.Paragraph>
      ))}
      {doc.rows.length > 0 && doc.tableLayout === 'columns' && (
        // JD's own form: the labels as one header row, the values beneath.
        <table className="draft-table draft-table-columns">
          <thead>
            <tr>
              {doc.rows.map(([k]) => (
                <th key={k} scope="col">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {doc.rows.map(([k, v]) => (
                <td key={k} style={{ whiteSpace: 'pre-wrap' }}>
                  {v}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      {doc.rows.length > 0 && doc.tableLayout !== 'columns' && (
        <table className="draft-table">
          <tbody>
            {doc.rows.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td style={{ whiteSpace: 'pre-wrap' }}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {doc.checklist.length > 0 && (
        <ol>
          {doc.checklist.map((c) => (
            <li key={c.key}>{pickText(c.text, lang)}</li>
          ))}
        </ol>
      )}
    </article>
  );
}
