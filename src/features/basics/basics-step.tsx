/**
 * 基本信息: the agency's details (printed in the 编制说明) and the 编制说明 itself. The 编制说明 is
 * generated from the draft (`defaultPreamble`) and follows every change of the details until the clerk
 * edits it; an edited one can be put back to the generated text.
 */
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Agency } from '../../domain/draft-types.ts';
import { sameAgency } from '../../storage/draft-repository.ts';
import { generatedPreamble, PREAMBLE_WORDINGS } from '../../domain/preamble.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { fieldLimitMessage, measureText } from '../../domain/text-limits.ts';
import { agencyFieldId, PREAMBLE_FIELD_ID } from '../kernel/field-ids.ts';
import type { ReportFormValues } from '../kernel/form-values.ts';
import { formatLongName } from '../shared/format.ts';
import { useServices } from '../shared/services.tsx';
import { Modal } from '../shared/modal.tsx';
import { CharCount } from '../kernel/text-field.tsx';

const AGENCY_FIELDS: readonly { key: keyof Agency; label: string; help: string; autoComplete: string; inputMode?: 'numeric' | 'tel' | 'url' }[] = [
  { key: 'name', label: '机关全称', help: '报告标题和编制说明中使用，例如：某某市某某区人民政府办公室。', autoComplete: 'organization' },
  { key: 'address', label: '通讯地址', help: '编制说明中供公众咨询的地址。', autoComplete: 'street-address' },
  { key: 'postcode', label: '邮政编码', help: '六位数字。', autoComplete: 'postal-code', inputMode: 'numeric' },
  { key: 'phone', label: '咨询电话', help: '例如：0574-12345678。', autoComplete: 'tel', inputMode: 'tel' },
  { key: 'website', label: '报告电子版查阅网站', help: '网站名称或网址，例如：某某区人民政府门户网站。', autoComplete: 'url' },
];

function agencyProblem(key: keyof Agency, value: string): string {
  const text = value.trim();
  if (key === 'name' && text === '') return '请填写机关全称。';
  if (key === 'postcode' && text !== '' && !/^\d{6}$/.test(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))))
    return '邮政编码应为六位数字。';
  return '';
}

function AgencyMessage({ field, id }: { field: keyof Agency; id: string }) {
  const value = useWatch<ReportFormValues, `agency.${keyof Agency}`>({ name: `agency.${field}` });
  const duplicate = useDuplicateName(field === 'name' ? (value ?? '') : null);
  return (
    <span id={id} className="field-error">
      {agencyProblem(field, value ?? '') || (fieldLimitMessage('本项', 'line', measureText(value ?? '')) ?? '') || duplicate}
    </span>
  );
}

/** One draft per agency and year: renaming onto another stored draft of the same year is pointed out. */
function useDuplicateName(name: string | null): string {
  const { repository } = useServices();
  const { draftId, base } = useEditor();
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (name === null || name.trim() === '') {
      setMessage('');
      return undefined;
    }
    const year = base().year;
    let cancelled = false;
    const timer = setTimeout(() => {
      // This draft itself is stored under the new name as it is typed: look among the others only.
      void repository
        .list()
        .then((drafts) => drafts.find((other) => other.id !== draftId && other.draft.year === year && sameAgency(other.draft.agency.name, name)))
        .then((other) => {
          if (cancelled) return;
          setMessage(other ? `此浏览器中已有“${other.draft.agency.name}”${year}年度的另一份草稿；每个机关每个年度应只保留一份。` : '');
        })
        .catch(() => undefined);
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [name, repository, draftId, base]);
  return message;
}

function PreambleEditor() {
  const { base } = useEditor();
  const { register, setValue } = useFormContext<ReportFormValues>();
  const preamble = useWatch<ReportFormValues, 'preamble'>({ name: 'preamble' });
  const agency = useWatch<ReportFormValues, 'agency'>({ name: 'agency' });
  const wording = useWatch<ReportFormValues, 'wording'>({ name: 'wording' });
  const [confirmReset, setConfirmReset] = useState(false);
  const preambleWording = wording?.preamble || 'full';
  const generated = generatedPreamble({ ...base(), agency: { ...base().agency, ...agency } }, preambleWording);
  const custom = (preamble ?? '') !== '';
  const focusAfterSwitch = useRef(false);

  // The textarea appears only after the switch to a custom text; focus it then, not before.
  useEffect(() => {
    if (!focusAfterSwitch.current) return;
    focusAfterSwitch.current = false;
    document.getElementById(PREAMBLE_FIELD_ID)?.focus();
  }, [custom]);

  return (
    <section className="preamble" aria-labelledby="preamble-heading">
      <h2 id="preamble-heading" className="part-heading">
        编制说明
      </h2>
      {custom ? (
        <>
          <p className="field-help" id={`${PREAMBLE_FIELD_ID}-help`}>
            这是修改过的编制说明，不再随上面的信息自动更新。
          </p>
          <label htmlFor={PREAMBLE_FIELD_ID} className="visually-hidden">
            编制说明
          </label>
          <textarea
            id={PREAMBLE_FIELD_ID}
            rows={7}
            spellCheck={false}
            aria-describedby={`${PREAMBLE_FIELD_ID}-help ${PREAMBLE_FIELD_ID}-count`}
            {...register('preamble')}
          />
          <div className="field-foot">
            <button type="button" className="button button-small" onClick={() => setConfirmReset(true)}>
              恢复为自动生成的编制说明
            </button>
            <CharCount name="preamble" id={`${PREAMBLE_FIELD_ID}-count`} />
          </div>
        </>
      ) : (
        <>
          <p className="field-help">根据机关信息和报告年度自动生成，放在报告标题之后。需要时可以修改。</p>
          <fieldset className="fee-wording-choice">
            <legend>写法</legend>
            {PREAMBLE_WORDINGS.map((option) => (
              <label key={option.id} className="radio-option">
                <input
                  type="radio"
                  value={option.id}
                  checked={preambleWording === option.id}
                  onChange={() => setValue('wording.preamble', option.id === 'full' ? '' : option.id, { shouldDirty: true })}
                />
                {option.name}
              </label>
            ))}
          </fieldset>
          <p className="generated-text" id={PREAMBLE_FIELD_ID} tabIndex={-1} data-testid="generated-preamble">
            {generated}
          </p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              focusAfterSwitch.current = true;
              setValue('preamble', generated, { shouldDirty: true });
            }}
          >
            修改编制说明
          </button>
        </>
      )}
      {confirmReset && (
        <Modal
          title="恢复自动生成的编制说明？"
          role="alertdialog"
          onClose={() => setConfirmReset(false)}
          actions={
            <>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  focusAfterSwitch.current = true;
                  setValue('preamble', '', { shouldDirty: true });
                  setConfirmReset(false);
                }}
              >
                恢复自动生成
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setConfirmReset(false)}>
                取消
              </button>
            </>
          }
        >
          <p>修改过的编制说明将被自动生成的文字替换：</p>
          <p className="generated-text">{generated}</p>
        </Modal>
      )}
    </section>
  );
}

export interface BasicsStepProps {
  /** 上年报告 (src/features/last-year), passed in by the shell; may suspend while its code loads. */
  readonly lastYearPanel: ReactNode;
  /** Who approves the report (src/features/review), passed in by the shell. */
  readonly approvalSetting: ReactNode;
}

export function BasicsStep({ lastYearPanel, approvalSetting }: BasicsStepProps) {
  const { register } = useFormContext<ReportFormValues>();
  const { base } = useEditor();
  const draft = base();
  return (
    <div className="basics">
      <dl className="facts">
        <div>
          <dt>报告年度</dt>
          <dd>{draft.year}年度（统计期限：{draft.year}年1月1日至12月31日）</dd>
        </div>
        <div>
          <dt>报告格式</dt>
          <dd>{formatLongName(draft.template, draft.variant)}</dd>
        </div>
      </dl>
      <section aria-labelledby="agency-heading">
        <h2 id="agency-heading" className="part-heading">
          机关信息
        </h2>
        <div className="agency-grid">
          {AGENCY_FIELDS.map(({ key, label, help, autoComplete, inputMode }) => {
            const id = agencyFieldId(key);
            return (
              <div className={key === 'name' || key === 'address' || key === 'website' ? 'field field-wide' : 'field'} key={key}>
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  type="text"
                  autoComplete={autoComplete}
                  inputMode={inputMode}
                  aria-describedby={`${id}-help ${id}-message`}
                  {...register(`agency.${key}`)}
                />
                <span id={`${id}-help`} className="field-help">
                  {help}
                </span>
                <AgencyMessage field={key} id={`${id}-message`} />
              </div>
            );
          })}
        </div>
        <div className="field">
          <label htmlFor={agencyFieldId('kind')}>机关类别</label>
          <select id={agencyFieldId('kind')} aria-describedby={`${agencyFieldId('kind')}-help`} {...register('agency.kind')}>
            <option value="">未选择</option>
            <option value="government">各级人民政府</option>
            <option value="department">政府部门</option>
            <option value="other">其他机关、单位</option>
          </select>
          <span id={`${agencyFieldId('kind')}-help`} className="field-help">
            各级人民政府的报告还须写明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），选“各级人民政府”后检查时会提醒。
          </span>
        </div>
      </section>
      <PreambleEditor />
      <Suspense fallback={null}>
        {lastYearPanel}
      </Suspense>
      {approvalSetting}
    </div>
  );
}
