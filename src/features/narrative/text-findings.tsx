/**
 * The check's findings about a paragraph, shown under it: a number in the text that the tables
 * contradict (with the one-click fix that writes the tables' number into the text), a topic of 一 not
 * covered, a part repeated from last year's report (the repeated sentences side by side). Findings are
 * found by their keys (`cells[0]` is the field's finding key), never by the page's structure, and come
 * from the one check (`useLiveDraft`), so the paragraph says what 检查与生成 and `report check` say.
 *
 * Only this small list re-renders when the findings change; the textarea itself is never re-rendered
 * by it, so typing in a paragraph costs what it did.
 */
import { useFormContext, type FieldPath } from 'react-hook-form';
import type { Finding, TextFix } from '../../domain/findings.ts';
import { applyTextFix } from '../../domain/text-numbers.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { ReportFormValues } from '../kernel/form-values.ts';
import './text-findings.css';

/** The length hint under the field already says what N12 says. */
const SHOWN_ELSEWHERE = new Set(['N12']);

/**
 * The form field holding a finding key's text: `narrative.<section>.intro` as it is; a part
 * (`narrative.<section>.parts.<part id>`, the id possibly holding a dot) is found by its id in the form's
 * list of parts, which the clerk may have reordered; `null` when the part is gone.
 */
export function formPathOfField(field: string, values: Pick<ReportFormValues, 'narrative'>): FieldPath<ReportFormValues> | null {
  const part = /^narrative\.([^.]+)\.parts\.(.+)$/.exec(field);
  if (!part) return field as FieldPath<ReportFormValues>;
  const index = (values.narrative?.[part[1]!]?.parts ?? []).findIndex((candidate) => candidate.partId === part[2]);
  return index === -1 ? null : (`narrative.${part[1]}.parts.${index}.text` as FieldPath<ReportFormValues>);
}

function findingsAt(findings: readonly Finding[], match: (finding: Finding) => boolean): Finding[] {
  return findings.filter((finding) => !SHOWN_ELSEWHERE.has(finding.rule) && match(finding));
}

/** Findings about one paragraph (`field`: its finding key, e.g. `narrative.overview.parts.onRequest`). */
export function ParagraphFindings({ field, id }: { field: string; id: string }) {
  const { findings } = useLiveDraft();
  const here = findingsAt(findings, (finding) => finding.cells[0] === field);
  return <FindingList findings={here} id={id} label="本段检查提醒" />;
}

/** Findings about a whole section (一's length, 六's fee statement). */
export function SectionFindings({ sectionId }: { sectionId: string }) {
  const { findings } = useLiveDraft();
  const key = `narrative.${sectionId}`;
  const here = findingsAt(findings, (finding) => finding.cells.includes(key) && !finding.cells[0]!.startsWith(`${key}.`));
  return <FindingList findings={here} id={`${sectionId}-section-findings`} label="本节检查提醒" />;
}

function FindingList({ findings, id, label }: { findings: readonly Finding[]; id: string; label: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="text-findings" id={id} aria-label={label}>
      {findings.map((finding, index) => (
        <li key={`${finding.rule}-${finding.text?.start ?? index}`} className="text-finding">
          <span className="text-finding-message">{finding.message}</span>
          {finding.textFix && <TextFixButton fix={finding.textFix} />}
          {finding.repeated && finding.repeated.length > 0 && <RepeatedSentences finding={finding} />}
        </li>
      ))}
    </ul>
  );
}

function TextFixButton({ fix }: { fix: TextFix }) {
  const { getValues, setValue } = useFormContext<ReportFormValues>();
  const { readOnly } = useEditor();
  const apply = () => {
    const path = formPathOfField(fix.field, getValues());
    if (path === null) return;
    const current = getValues(path);
    const next = applyTextFix(typeof current === 'string' ? current : '', fix);
    // The clerk changed the sentence since the check: never overwrite text blindly; the check runs again.
    if (next === null) return;
    setValue(path, next as never, { shouldDirty: true });
  };
  return (
    <button type="button" className="button button-small" onClick={apply} disabled={readOnly}>
      {fix.label}
    </button>
  );
}

function RepeatedSentences({ finding }: { finding: Finding }) {
  const repeated = finding.repeated ?? [];
  return (
    <details className="repeated">
      <summary>查看原样重复的 {repeated.length} 句</summary>
      <table className="repeated-table">
        <thead>
          <tr>
            <th scope="col">本年报告</th>
            <th scope="col">上年报告</th>
          </tr>
        </thead>
        <tbody>
          {repeated.map((sentence, index) => (
            <tr key={index}>
              <td>{sentence.current}</td>
              <td>{sentence.previous}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
