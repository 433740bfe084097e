/**
 * A narrative paragraph: an uncontrolled `<textarea>` registered with react-hook-form, so React never
 * writes its value while the clerk types (Chinese IME composition stays untouched). The character
 * count (with the stated limit) and the length hint subscribe to the value themselves and re-render alone.
 */
import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import type { NarrativePartTemplate } from '../../domain/template-types.ts';
import { isTooShort } from '../../domain/narrative-rules.ts';
import { fieldLimitMessage, measureText, TEXT_LIMITS } from '../../domain/text-limits.ts';
import type { ReportFormValues } from './form-values.ts';

type TextPath = FieldPath<ReportFormValues>;

/**
 * `N 字（上限 20000 字）` while within the limits of src/domain/text-limits.ts; past them, the same place
 * says by how much, in the warning colour and announced, and the text stays exactly as typed.
 */
export function CharCount({ name, id }: { name: TextPath; id: string }) {
  const value = useWatch<ReportFormValues>({ name });
  const measure = measureText(typeof value === 'string' ? value : '');
  const over = fieldLimitMessage('本项', 'field', measure);
  return (
    <span id={id} className={over === null ? 'char-count' : 'char-count char-count-over'} role={over === null ? undefined : 'alert'}>
      {over ?? `${measure.characters} 字（上限 ${TEXT_LIMITS.fieldCharacters} 字）`}
    </span>
  );
}

/** For a one-line field (an added sub-heading): nothing while within its limit, the over-limit message past it. */
export function LineLimitMessage({ name, id }: { name: TextPath; id: string }) {
  const value = useWatch<ReportFormValues>({ name });
  const over = fieldLimitMessage('本项', 'line', measureText(typeof value === 'string' ? value : ''));
  return (
    <span id={id} className="field-error" role={over === null ? undefined : 'alert'}>
      {over ?? ''}
    </span>
  );
}

/** Spec §5.6 N12: 五 must not be empty, "无", or shorter than the template's `minLength`. */
export function LengthHint({ name, part, id }: { name: TextPath; part: NarrativePartTemplate; id: string }) {
  const value = useWatch<ReportFormValues>({ name });
  const text = typeof value === 'string' ? value : '';
  const short = part.minLength !== undefined && isTooShort(part, text);
  return (
    <span id={id} className={short && text.trim() !== '' ? 'length-hint length-hint-warning' : 'length-hint'}>
      {short ? `至少写 ${part.minLength} 个字，如实报告，不能只写“无”。` : ''}
    </span>
  );
}

export interface TextFieldProps {
  readonly name: TextPath;
  readonly id: string;
  readonly label: string;
  readonly help?: string | undefined;
  readonly part?: NarrativePartTemplate | undefined;
  readonly rows?: number;
  readonly optional?: boolean | undefined;
}

export function TextField({ name, id, label, help, part, rows = 6, optional }: TextFieldProps) {
  const { register } = useFormContext<ReportFormValues>();
  const describedBy = [help ? `${id}-help` : null, `${id}-count`, part?.minLength !== undefined ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field field-text">
      <h2 className="part-heading">
        {/* One text node: the accessible name reads 「…（选填）」 with no stray space. */}
        <label htmlFor={id}>{optional ? `${label}（选填）` : label}</label>
      </h2>
      {help && (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      )}
      <textarea id={id} rows={rows} spellCheck={false} aria-describedby={describedBy} {...register(name)} />
      <div className="field-foot">
        {part?.minLength !== undefined ? <LengthHint name={name} part={part} id={`${id}-hint`} /> : <span />}
        <CharCount name={name} id={`${id}-count`} />
      </div>
    </div>
  );
}
