/**
 * A narrative section of the template (一, 五, 六): its parts with their guidance as help text, the
 * clerk's own extra sub-topics where the template allows them (一), the 信息处理费 statement (六) and,
 * on the last section, the 落款 option.
 */
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { NarrativeSectionTemplate } from '../../domain/template-types.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { extraPartFieldId, narrativeFieldId, SIGNATURE_FIELD_ID } from '../kernel/field-ids.ts';
import { chineseNumber } from '../kernel/steps.ts';
import type { ReportFormValues } from '../kernel/form-values.ts';
import { Modal } from '../shared/modal.tsx';
import { FeeStatementFields } from './fee-statement-fields.tsx';
import { TEXT_LIMITS } from '../../domain/text-limits.ts';
import { CharCount, LineLimitMessage, TextField } from '../kernel/text-field.tsx';
import { ParagraphFindings, SectionFindings } from './text-findings.tsx';
import { OverviewLengthSetting } from './overview-length-setting.tsx';

export function NarrativeStep({ section }: { section: NarrativeSectionTemplate }) {
  const { template } = useEditor();
  // Numbered sub-headings （一）（二）… where every part is printed; 六's optional parts are not numbered.
  const numbered = section.parts.every((part) => !part.optional);
  const isLast = template.sections[template.sections.length - 1]?.id === section.id;
  return (
    <div className="narrative">
      {section.id === 'overview' && <OverviewLengthSetting />}
      <SectionFindings sectionId={section.id} />
      {section.hasIntro && (
        <>
          <TextField
            name={`narrative.${section.id}.intro`}
            id={narrativeFieldId(section.id, 'intro')}
            label="概述"
            help="放在各小标题之前的总体概述（可不写）。"
            rows={4}
          />
          <ParagraphFindings field={`narrative.${section.id}.intro`} id={`${narrativeFieldId(section.id, 'intro')}-findings`} />
        </>
      )}
      {section.hasFeeStatement && <FeeStatementFields />}
      {section.parts.map((part, index) => (
        <div key={part.key}>
          <TextField
            name={`narrative.${section.id}.parts.${part.key}`}
            id={narrativeFieldId(section.id, part.key)}
            label={numbered ? `（${chineseNumber(index + 1)}）${part.title}` : part.title}
            help={part.guidance}
            part={part}
            optional={part.optional}
          />
          <ParagraphFindings field={`narrative.${section.id}.parts.${part.key}`} id={`${narrativeFieldId(section.id, part.key)}-findings`} />
        </div>
      ))}
      {section.allowExtraParts && <ExtraParts section={section} />}
      {isLast && <SignatureFields />}
    </div>
  );
}

function ExtraParts({ section }: { section: NarrativeSectionTemplate }) {
  const { control, register, getValues } = useFormContext<ReportFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `narrative.${section.id}.extraParts` });
  const [confirming, setConfirming] = useState<number | null>(null);
  const offset = section.parts.length;

  const requestRemove = (index: number) => {
    const part = getValues(`narrative.${section.id}.extraParts.${index}`);
    if ((part?.title ?? '').trim() === '' && (part?.text ?? '').trim() === '') remove(index);
    else setConfirming(index);
  };

  return (
    <section className="extra-parts" aria-labelledby={`${section.id}-extra-heading`}>
      <h2 id={`${section.id}-extra-heading`} className="visually-hidden">
        补充小标题
      </h2>
      {fields.map((field, index) => {
        const ordinal = `（${chineseNumber(offset + index + 1)}）`;
        const titleId = extraPartFieldId(section.id, index, 'title');
        const textId = extraPartFieldId(section.id, index, 'text');
        return (
          <fieldset key={field.id} className="extra-part">
            <legend>补充小标题 {ordinal}</legend>
            <div className="field">
              <label htmlFor={titleId}>小标题 {ordinal}</label>
              <input
                id={titleId}
                type="text"
                autoComplete="off"
                aria-describedby={`${titleId}-message`}
                {...register(`narrative.${section.id}.extraParts.${index}.title`)}
              />
              <LineLimitMessage name={`narrative.${section.id}.extraParts.${index}.title`} id={`${titleId}-message`} />
            </div>
            <div className="field field-text">
              <label htmlFor={textId}>{ordinal}内容</label>
              <textarea id={textId} rows={5} spellCheck={false} aria-describedby={`${textId}-count`} {...register(`narrative.${section.id}.extraParts.${index}.text`)} />
              <div className="field-foot">
                <span />
                <CharCount name={`narrative.${section.id}.extraParts.${index}.text`} id={`${textId}-count`} />
              </div>
              <ParagraphFindings field={`narrative.${section.id}.extraParts.${index}`} id={`${textId}-findings`} />
            </div>
            <button type="button" className="button button-small" onClick={() => requestRemove(index)}>
              删除补充小标题 {ordinal}
            </button>
          </fieldset>
        );
      })}
      {/* The stated limit (text-limits.ts), said before it is reached rather than after. */}
      {fields.length >= TEXT_LIMITS.extraParts ? (
        <p className="field-help">每节最多自行增加 {TEXT_LIMITS.extraParts} 个小标题，已达到上限。</p>
      ) : (
        <button type="button" className="button" onClick={() => append({ title: '', text: '' }, { shouldFocus: true, focusName: `narrative.${section.id}.extraParts.${fields.length}.title` })}>
          增加小标题
        </button>
      )}
      {confirming !== null && (
        <Modal
          title="删除这个小标题？"
          role="alertdialog"
          onClose={() => setConfirming(null)}
          actions={
            <>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  remove(confirming);
                  setConfirming(null);
                }}
              >
                确认删除
              </button>
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(null)}>
                取消
              </button>
            </>
          }
        >
          <p>补充小标题（{chineseNumber(offset + confirming + 1)}）及其内容将被删除。</p>
        </Modal>
      )}
    </section>
  );
}

function SignatureFields() {
  const { register } = useFormContext<ReportFormValues>();
  const include = useWatch<ReportFormValues, 'signature.include'>({ name: 'signature.include' });
  return (
    <section className="signature" aria-labelledby="signature-heading">
      <h2 id="signature-heading" className="part-heading">
        落款
      </h2>
      <p className="field-help">有的地方要求报告末尾写明机关名称和日期，有的不写。按本地要求选择。</p>
      <div className="field field-check">
        <input id={SIGNATURE_FIELD_ID} type="checkbox" {...register('signature.include')} />
        <label htmlFor={SIGNATURE_FIELD_ID}>在报告末尾加落款（机关名称和日期）</label>
      </div>
      <div className="field field-short">
        <label htmlFor="signature-date">落款日期</label>
        <input id="signature-date" type="date" disabled={!include} {...register('signature.date')} />
      </div>
    </section>
  );
}
