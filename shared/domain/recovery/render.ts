// A draft as HTML (e-mail body, print view, rich copy) and as plain text (e-mail alternative, WeChat).
// Everything typed is escaped: markup in a field stays text everywhere it goes.
import { escapeMarkup as escapeHtml } from '../escape.ts';
import type { DraftDoc } from './draft-kinds.ts';

const CELL = 'border:1px solid #999;padding:6px 10px;text-align:left;vertical-align:top';

export function draftHtml(d: DraftDoc): string {
  const paras = d.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  const cell = (v: string) => escapeHtml(v).replace(/\n/g, '<br>');
  const head = `${CELL};background:#f5f5f5`;
  const table = !d.rows.length
    ? ''
    : d.tableLayout === 'columns'
      ? `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${d.rows
          .map(([k]) => `<th style="${head}">${escapeHtml(k)}</th>`)
          .join('')}</tr></thead><tbody><tr>${d.rows
          .map(([, v]) => `<td style="${CELL}">${cell(v)}</td>`)
          .join('')}</tr></tbody></table>`
      : `<table style="border-collapse:collapse;font-size:14px"><tbody>${d.rows
          .map(
            ([k, v]) =>
              `<tr><th style="${head};white-space:nowrap">${escapeHtml(k)}</th><td style="${CELL}">${cell(v)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const list = d.checklist.length
    ? `<p>附件与材料：</p><ol>${d.checklist.map((c) => `<li>${escapeHtml(c.text.zh)}</li>`).join('')}</ol>`
    : '';
  return `<div style="font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:14px;line-height:1.6">${paras}${table}${list}</div>`;
}

export function draftText(d: DraftDoc): string {
  const lines = [...d.paragraphs, ''];
  for (const [k, v] of d.rows) lines.push(`${k}：${v}`);
  if (d.checklist.length) {
    lines.push('', '附件与材料：');
    for (const [i, c] of d.checklist.entries()) lines.push(`${i + 1}. ${c.text.zh}`);
  }
  return lines.join('\n').trim();
}
