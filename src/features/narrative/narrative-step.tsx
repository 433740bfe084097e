/**
 * A narrative section of the template (一, 五, 六): its opening paragraph, then its parts in the order they
 * print. Each part has a title the clerk may change (the official one is its default and stays the part's
 * topic), can be moved up or down, removed (after a confirmation when it holds text) or, where the format
 * allows sub-topics of the agency's own (一), added; an official part removed can be put back. The titles
 * print as sub-headings or as lead-ins of the first paragraph (`主要问题：…`), chosen per section. Also the
 * 信息处理费 statement (六) and, on the last section, the 落款 option.
 */
import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { NarrativePartTemplate, NarrativeSectionTemplate } from '../../domain/template-types.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import { insertSentences, refreshSentence, SENTENCES_BY_TOPIC, staleSentences, type SentenceSource } from '../../domain/table-sentences.ts';
import { computeTotals } from '../../domain/totals.ts';
import { flattenTables } from '../../domain/values.ts';
import { narrativeFieldId, partTitleFieldId, SIGNATURE_FIELD_ID } from '../kernel/field-ids.ts';
import { chineseNumber } from '../kernel/steps.ts';
import type { NarrativePartFormValues, ReportFormValues } from '../kernel/form-values.ts';
import { Modal } from '../shared/modal.tsx';
import { FeeStatementFields } from './fee-statement-fields.tsx';
import { TEXT_LIMITS } from '../../domain/text-limits.ts';
import { CharCount, LengthHint, LineLimitMessage, TextField } from '../kernel/text-field.tsx';
import { ParagraphFindings, SectionFindings } from './text-findings.tsx';
import { OverviewLengthSetting } from './overview-length-setting.tsx';

export function NarrativeStep({ section }: { section: NarrativeSectionTemplate }) {
  const { template } = useEditor();
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
      <StyleChoice section={section} />
      <PartList section={section} />
      {isLast && <SignatureFields />}
    </div>
  );
}

/** Headings of their own, or lead-ins at the start of the first paragraph: how this section prints its titles. */
function StyleChoice({ section }: { section: NarrativeSectionTemplate }) {
  const { register } = useFormContext<ReportFormValues>();
  const name = `narrative.${section.id}.style` as const;
  const style = useWatch<ReportFormValues, typeof name>({ name });
  return (
    <fieldset className="part-style">
      <legend>小标题的印法</legend>
      <div className="field field-check">
        <input id={`${section.id}-style-headings`} type="radio" value="headings" {...register(name)} />
        <label htmlFor={`${section.id}-style-headings`}>单独成行的小标题（（一）……）</label>
      </div>
      <div className="field field-check">
        <input id={`${section.id}-style-leadins`} type="radio" value="leadIns" {...register(name)} />
        <label htmlFor={`${section.id}-style-leadins`}>写在段首的引语（如“主要问题：……”，黑体）</label>
      </div>
      {style === 'leadIns' && <p className="field-help">印出时不编号：各部分的小标题加冒号，写在该部分第一段的开头。</p>}
    </fieldset>
  );
}

/** `p<n>` one past the largest such id of the section: stable, never reusing an id a comment may point at. */
function nextPartId(parts: readonly NarrativePartFormValues[]): string {
  let largest = 0;
  for (const part of parts) {
    const match = /^p(\d+)$/.exec(part.partId);
    if (match) largest = Math.max(largest, Number(match[1]));
  }
  return `p${largest + 1}`;
}

function PartList({ section }: { section: NarrativeSectionTemplate }) {
  const { control, getValues } = useFormContext<ReportFormValues>();
  const name = `narrative.${section.id}.parts` as const;
  const { fields, append, remove, move } = useFieldArray({ control, name });
  const [confirming, setConfirming] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  // 六's parts are all optional and print without ordinals unless written; the editor numbers the others.
  const numbered = section.parts.every((part) => !part.optional);
  const present = new Set(fields.map((field) => field.topic));
  const missingTopics = section.parts.filter((part) => !present.has(part.key));
  const full = fields.length >= TEXT_LIMITS.parts;

  const titleOf = (index: number): string => {
    const part = getValues(`${name}.${index}`);
    const official = section.parts.find((candidate) => candidate.key === part?.topic)?.title ?? '';
    return (part?.title ?? '').trim() || official || `第 ${index + 1} 部分`;
  };

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const moveBy = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= fields.length) return;
    const title = titleOf(index);
    move(index, target);
    setAnnouncement(`已将“${title}”移到第 ${target + 1} 位。`);
    // Keep the keyboard where it was: on the same button of the moved part, or the other one at an end.
    const edge = (by < 0 && target === 0) || (by > 0 && target === fields.length - 1);
    focusLater(`${section.id}-part-${target}-${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
  };

  const requestRemove = (index: number) => {
    const part = getValues(`${name}.${index}`);
    if ((part?.text ?? '').trim() === '' && (part?.topic !== null || (part?.title ?? '').trim() === '')) removeAt(index);
    else setConfirming(index);
  };

  const removeAt = (index: number) => {
    const title = titleOf(index);
    remove(index);
    setAnnouncement(`已删除“${title}”。`);
    focusLater(index < fields.length - 1 ? `${section.id}-part-${index}-remove` : `${section.id}-add-part`);
  };

  const add = (part: NarrativePartFormValues) =>
    append(part, { shouldFocus: true, focusName: `${name}.${fields.length}.${part.topic === null ? 'title' : 'text'}` });

  return (
    <section className="narrative-parts" aria-labelledby={`${section.id}-parts-heading`} ref={listRef}>
      <h2 id={`${section.id}-parts-heading`} className="visually-hidden">
        各部分
      </h2>
      {fields.map((field, index) => (
        <PartFields
          key={field.id}
          section={section}
          index={index}
          count={fields.length}
          numbered={numbered}
          topic={section.parts.find((candidate) => candidate.key === field.topic)}
          partId={field.partId}
          onMove={moveBy}
          onRemove={requestRemove}
        />
      ))}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="part-actions">
        {missingTopics.map((topic) => (
          <button
            key={topic.key}
            type="button"
            className="button"
            disabled={full}
            onClick={() => add({ partId: topic.key, topic: topic.key, title: topic.title, text: '', generated: [] })}
          >
            加回“{topic.title}”
          </button>
        ))}
        {section.allowExtraParts &&
          (full ? (
            <p className="field-help">每节最多 {TEXT_LIMITS.parts} 个部分，已达到上限。</p>
          ) : (
            <button
              id={`${section.id}-add-part`}
              type="button"
              className="button"
              onClick={() => add({ partId: nextPartId(getValues(name) ?? []), topic: null, title: '', text: '', generated: [] })}
            >
              增加小标题
            </button>
          ))}
      </div>
      {confirming !== null && (
        <Modal
          title="删除这一部分？"
          role="alertdialog"
          onClose={() => setConfirming(null)}
          actions={
            <>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setConfirming(null);
                  removeAt(confirming);
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
          <p>“{titleOf(confirming)}”及其内容将被删除。</p>
        </Modal>
      )}
    </section>
  );
}

interface PartFieldsProps {
  readonly section: NarrativeSectionTemplate;
  readonly index: number;
  readonly count: number;
  readonly numbered: boolean;
  readonly topic: NarrativePartTemplate | undefined;
  readonly partId: string;
  readonly onMove: (index: number, by: -1 | 1) => void;
  readonly onRemove: (index: number) => void;
}

function PartFields({ section, index, count, numbered, topic, partId, onMove, onRemove }: PartFieldsProps) {
  const { register } = useFormContext<ReportFormValues>();
  const base = `narrative.${section.id}.parts.${index}` as const;
  const title = useWatch<ReportFormValues, `${typeof base}.title`>({ name: `${base}.title` });
  // A lead-in prints no number: the part goes by its title, as the check's messages name it (partPlaceName).
  const leadIns = useWatch<ReportFormValues, `narrative.${string}.style`>({ name: `narrative.${section.id}.style` }) === 'leadIns';
  const ordinal = numbered && !leadIns ? `（${chineseNumber(index + 1)}）` : '';
  const shown = (title ?? '').trim() || topic?.title || '';
  const name = shown || `第 ${index + 1} 部分`;
  const textLabel = ordinal !== '' ? `${ordinal}${shown || '内容'}` : `${name}${topic?.optional ? '（选填）' : ''}`;
  const titleId = partTitleFieldId(section.id, partId);
  const textId = narrativeFieldId(section.id, partId);
  const buttonId = (what: string) => `${section.id}-part-${index}-${what}`;
  const describedBy = [topic ? `${textId}-help` : null, `${textId}-count`, topic?.minLength !== undefined ? `${textId}-hint` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="narrative-part">
      <legend>{ordinal !== '' ? `${ordinal}${shown}` : name}</legend>
      <div className="field">
        <label htmlFor={titleId}>{leadIns ? '段首引语' : `小标题 （${chineseNumber(index + 1)}）`}</label>
        <input
          id={titleId}
          type="text"
          autoComplete="off"
          placeholder={topic?.title ?? ''}
          aria-describedby={`${titleId}-message`}
          {...register(`${base}.title`)}
        />
        <LineLimitMessage name={`${base}.title`} id={`${titleId}-message`} />
      </div>
      {topic && (
        <p id={`${textId}-help`} className="field-help">
          {(title ?? '').trim() !== topic.title ? `对应规定的“${topic.title}”。` : ''}
          {topic.guidance}
        </p>
      )}
      {topic && SENTENCES_BY_TOPIC[topic.key] && <TableSentences base={base} sources={SENTENCES_BY_TOPIC[topic.key]!} textId={textId} />}
      <div className="field field-text">
        <label htmlFor={textId}>{textLabel}</label>
        <textarea id={textId} rows={6} spellCheck={false} aria-describedby={describedBy} {...register(`${base}.text`)} />
        <div className="field-foot">
          {topic?.minLength !== undefined ? <LengthHint name={`${base}.text`} part={topic} id={`${textId}-hint`} /> : <span />}
          <CharCount name={`${base}.text`} id={`${textId}-count`} />
        </div>
        <ParagraphFindings field={`narrative.${section.id}.parts.${partId}`} id={`${textId}-findings`} />
      </div>
      <div className="part-buttons">
        <button id={buttonId('up')} type="button" className="button button-small" disabled={index === 0} onClick={() => onMove(index, -1)} aria-label={`上移“${name}”`}>
          上移
        </button>
        <button
          id={buttonId('down')}
          type="button"
          className="button button-small"
          disabled={index === count - 1}
          onClick={() => onMove(index, 1)}
          aria-label={`下移“${name}”`}
        >
          下移
        </button>
        <button id={buttonId('remove')} type="button" className="button button-small" onClick={() => onRemove(index)} aria-label={`删除“${name}”`}>
          删除
        </button>
      </div>
    </fieldset>
  );
}

/**
 * 根据表格插入句子: the sentences of table-sentences.ts appended to the part's text, remembered with it;
 * one whose numbers the tables no longer give is pointed out here with a one-click refresh. The text stays
 * the clerk's: nothing is rewritten without that click, and an edited sentence is no longer compared.
 */
function TableSentences({ base, sources, textId }: { base: `narrative.${string}.parts.${number}`; sources: readonly SentenceSource[]; textId: string }) {
  const { template } = useEditor();
  const { draft } = useLiveDraft();
  const { getValues, setValue } = useFormContext<ReportFormValues>();
  const text = useWatch<ReportFormValues, `${typeof base}.text`>({ name: `${base}.text` }) ?? '';
  const generated = useWatch<ReportFormValues, `${typeof base}.generated`>({ name: `${base}.generated` }) ?? [];
  const [message, setMessage] = useState('');
  const values = useMemo(() => {
    const flat = flattenTables(template, draft.tables);
    return { ...flat, ...computeTotals(template, flat) };
  }, [draft, template]);
  const stale = staleSentences({ text, generated }, template, values);

  const write = (next: { text: string; generated: NarrativePartFormValues['generated'] }) => {
    setValue(`${base}.text`, next.text, { shouldDirty: true });
    setValue(`${base}.generated`, next.generated, { shouldDirty: true });
  };
  const insert = () => {
    const result = insertSentences({ text: getValues(`${base}.text`) ?? '', generated: getValues(`${base}.generated`) ?? [] }, sources, template, values);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    write(result);
    setMessage('已在正文末尾插入根据表格写出的句子，可以照常修改。');
    document.getElementById(textId)?.focus();
  };
  return (
    <div className="table-sentences">
      <button type="button" className="button button-small" onClick={insert}>
        根据表格插入句子
      </button>
      <span className="field-help" role="status">
        {message}
      </span>
      {stale.map((item) => (
        <div key={item.source} className="sentence-stale" role="alert">
          <p>根据表格插入的这句话，数字已与表格不一致：</p>
          <p className="sentence-old">{item.old}</p>
          <p>表格现在是：</p>
          <p className="sentence-new">{item.current}</p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              write(refreshSentence({ text: getValues(`${base}.text`) ?? '', generated: getValues(`${base}.generated`) ?? [] }, item.source, template, values));
              setMessage('已按表格更新这句话。');
            }}
          >
            更新为表格中的数字
          </button>
        </div>
      ))}
    </div>
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
