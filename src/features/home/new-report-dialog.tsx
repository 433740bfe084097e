/**
 * 新建报告: agency name, year and local format. The year picks the format (spec §1.3, the registry in
 * `templates/index.ts`); the dialog says which, live, and offers the local variants of that format for
 * that year (全国通用 or a province's additions).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { z } from '../../domain/zod.ts';
import { FIRST_SUPPORTED_YEAR, templateForYear, variantById, variantsFor } from '../../../templates/index.ts';
import { formatLongName, formatYearsText } from '../shared/format.ts';
import { Modal } from '../shared/modal.tsx';

/** Full-width digits from a Chinese IME count as digits. */
function halfWidth(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
}

export function newReportSchema(maxYear: number) {
  return z.object({
    agencyName: z
      .string()
      .transform((name) => name.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, { error: '请填写机关全称' }).max(100, { error: '机关全称不能超过 100 个字' })),
    year: z
      .string()
      .transform(halfWidth)
      .pipe(z.string().regex(/^\d{4}$/, { error: '请填写四位数字的年度，例如 2025' }))
      .transform(Number)
      .pipe(
        z
          .number()
          .min(FIRST_SUPPORTED_YEAR, { error: `本工具支持 ${FIRST_SUPPORTED_YEAR} 年度及以后的报告` })
          .max(maxYear, { error: `年度不能晚于 ${maxYear} 年` }),
      ),
    /** Id of the local variant; '' for 全国通用. */
    variant: z.string().default(''),
  }).superRefine((values, context) => {
    if (values.variant === '') return;
    const offered = variantsFor(templateForYear(values.year).id, values.year).some((variant) => variant.id === values.variant);
    if (!offered) {
      const variant = variantById(values.variant);
      const years = variant ? (variant.lastYear === null ? `${variant.firstYear} 年度及以后` : `${variant.firstYear}–${variant.lastYear} 年度`) : '';
      context.addIssue({
        code: 'custom',
        path: ['variant'],
        message: variant ? `${variant.name}格式只适用于 ${years}的报告，请改选“全国通用”或改正年度` : '请选择地方格式',
      });
    }
  });
}

export type NewReportInput = z.input<ReturnType<typeof newReportSchema>>;
export type NewReportValues = z.output<ReturnType<typeof newReportSchema>>;

/** 地方格式: 全国通用 and the variants of the year's format; always offered for the years that have some. */
function VariantField({ control, register, id, error }: { control: Control<NewReportInput, unknown, NewReportValues>; register: UseFormRegister<NewReportInput>; id: string; error?: string }) {
  const year = useWatch({ control, name: 'year' });
  const digits = halfWidth(year ?? '');
  const yearNumber = /^\d{4}$/.test(digits) ? Number(digits) : null;
  const offered = yearNumber === null ? [] : variantsFor(templateForYear(yearNumber).id, yearNumber);
  if (offered.length === 0 && !error) return null;
  return (
    <div className="field">
      <label htmlFor={id}>地方格式</label>
      <select id={id} className="field-select" aria-describedby={`${id}-help ${id}-error`} aria-invalid={error ? true : undefined} {...register('variant')}>
        <option value="">全国通用</option>
        {offered.map((variant) => (
          <option key={variant.id} value={variant.id}>
            {variant.name}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="field-help">
        省级通知在全国格式之外增列了表格的，选本省：增列的表格会出现在填写页面和 Word 文件中。
      </p>
      <p id={`${id}-error`} className="field-error">
        {error}
      </p>
    </div>
  );
}

function FormatNote({ control }: { control: Control<NewReportInput, unknown, NewReportValues> }) {
  const year = useWatch({ control, name: 'year' });
  const digits = halfWidth(year ?? '');
  if (!/^\d{4}$/.test(digits) || Number(digits) < FIRST_SUPPORTED_YEAR) {
    return <p className="format-note">年度决定报告格式：{formatYearsText()}。</p>;
  }
  const year_ = Number(digits);
  return (
    <p className="format-note">
      {year_}年度报告将使用<strong>{formatLongName(templateForYear(year_).id)}</strong>。
    </p>
  );
}

export function NewReportDialog({
  defaultYear,
  maxYear,
  onCancel,
  onSubmit,
  submitError,
}: {
  defaultYear: number;
  maxYear: number;
  onCancel: () => void;
  onSubmit: (values: NewReportValues) => void | Promise<void>;
  submitError?: string | null;
}) {
  const nameId = useId();
  const yearId = useId();
  const formId = useId();
  const variantId = useId();
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<NewReportInput, unknown, NewReportValues>({
    resolver: zodResolver(newReportSchema(maxYear)),
    defaultValues: { agencyName: '', year: String(defaultYear), variant: '' },
  });

  return (
    <Modal
      title="新建年度报告"
      onClose={onCancel}
      actions={
        <>
          <button type="submit" form={formId} className="button button-primary" disabled={isSubmitting}>
            创建报告
          </button>
          <button type="button" className="button" onClick={onCancel}>
            取消
          </button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={handleSubmit(onSubmit)} className="stack">
        <div className="field">
          <label htmlFor={nameId}>机关全称</label>
          <input
            id={nameId}
            type="text"
            autoComplete="organization"
            data-autofocus
            aria-invalid={errors.agencyName ? true : undefined}
            aria-describedby={`${nameId}-help ${nameId}-error`}
            {...register('agencyName')}
          />
          <p id={`${nameId}-help`} className="field-help">
            例如：某某市某某区人民政府办公室
          </p>
          <p id={`${nameId}-error`} className="field-error">
            {errors.agencyName?.message}
          </p>
        </div>
        <div className="field field-short">
          <label htmlFor={yearId}>报告年度</label>
          <input
            id={yearId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={`${yearId}-format ${yearId}-error`}
            {...register('year')}
          />
          <div id={`${yearId}-format`}>
            <FormatNote control={control} />
          </div>
          <p id={`${yearId}-error`} className="field-error">
            {errors.year?.message}
          </p>
        </div>
        <VariantField control={control} register={register} id={variantId} error={errors.variant?.message} />
        {submitError && (
          <p className="field-error" role="alert">
            {submitError}
          </p>
        )}
      </form>
    </Modal>
  );
}
