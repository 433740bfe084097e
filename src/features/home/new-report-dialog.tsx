/**
 * 新建报告: agency name and year. The year picks the format (spec §1.3): the 2019 format for the 2019
 * and 2020 reports, the 2021 format from 2021 on; the dialog says which, live.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';
import { templateForYear } from '../../../templates/index.ts';
import { report2019 } from '../../../templates/report-2019.ts';
import { formatLongName } from '../shared/format.ts';
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
          .min(report2019.firstYear, { error: `本工具支持 ${report2019.firstYear} 年度及以后的报告` })
          .max(maxYear, { error: `年度不能晚于 ${maxYear} 年` }),
      ),
  });
}

export type NewReportInput = z.input<ReturnType<typeof newReportSchema>>;
export type NewReportValues = z.output<ReturnType<typeof newReportSchema>>;

function FormatNote({ control }: { control: Control<NewReportInput, unknown, NewReportValues> }) {
  const year = useWatch({ control, name: 'year' });
  const digits = halfWidth(year ?? '');
  if (!/^\d{4}$/.test(digits) || Number(digits) < report2019.firstYear) {
    return <p className="format-note">年度决定报告格式：2019、2020 年度用 2019 年版格式（试行），2021 年度起用 2021 年版格式。</p>;
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
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<NewReportInput, unknown, NewReportValues>({
    resolver: zodResolver(newReportSchema(maxYear)),
    defaultValues: { agencyName: '', year: String(defaultYear) },
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
        {submitError && (
          <p className="field-error" role="alert">
            {submitError}
          </p>
        )}
      </form>
    </Modal>
  );
}
