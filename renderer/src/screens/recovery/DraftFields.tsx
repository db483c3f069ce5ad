import { Checkbox, Form, Input, Select } from 'antd';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { FIELDS, type FieldDef } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { pickText } from '../../lib/text.ts';

/** Longest value a field takes (a letter's paragraph is long, nothing is longer). */
const MAX_LENGTH = 5000;

/**
 * The kind's fields, each as the control its type asks for. A problem shows under a field once something is
 * typed there, or on every field after marking the draft ready was refused (`showAll`).
 */
export function DraftFields(props: {
  draft: DraftView;
  showAll: boolean;
  /** `now`: a pick (select, checkbox) is saved at once; typing waits for the pause. */
  onField(key: string, value: string, now: boolean): void;
  onBlur(): void;
}) {
  const lang = useLang();
  const d = props.draft;
  return (
    <Form layout="vertical" onBlur={props.onBlur}>
      {FIELDS[d.kind].map((f) => {
        const problem = d.problems[f.key];
        const value = d.fields[f.key] ?? '';
        const show = problem && (props.showAll || value !== '');
        return (
          <Form.Item
            key={f.key}
            label={pickText(f.label, lang)}
            validateStatus={show ? 'error' : undefined}
            help={show ? pickText(problem, lang) : undefined}
            htmlFor={`f-${f.key}`}
          >
            <FieldControl field={f} value={value} onChange={(v, now) => props.onField(f.key, v, now)} />
          </Form.Item>
        );
      })}
    </Form>
  );
}

function FieldControl(props: {
  field: FieldDef;
  value: string;
  onChange(value: string, now: boolean): void;
}) {
  const lang = useLang();
  const { field: f, value, onChange } = props;
  const id = `f-${f.key}`;
  switch (f.type) {
    case 'select':
      return (
        <Select
          id={id}
          value={value || undefined}
          onChange={(v) => onChange(v, true)}
          options={(f.options ?? []).map((o) => ({ value: o.value, label: pickText(o.label, lang) }))}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          value={value}
          autoSize={{ minRows: 2 }}
          maxLength={MAX_LENGTH}
          onChange={(e) => onChange(e.target.value, false)}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          id={id}
          checked={value === 'true'}
          onChange={(e) => onChange(String(e.target.checked), true)}
        />
      );
    default:
      return (
        <Input
          id={id}
          value={value}
          maxLength={MAX_LENGTH}
          onChange={(e) => onChange(e.target.value, false)}
        />
      );
  }
}
