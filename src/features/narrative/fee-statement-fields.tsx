/**
 * 六: the 信息处理费 statement as three numbers (收费通知 issued, their amount, amount actually
 * collected; spec §2.3), and the sentence the report will print, shown live in the chosen wording (./fee-wording.tsx). Raw text in
 * form state, parsed like a table cell (full-width digits from an IME are fine).
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { AMOUNT_DOMAINS } from '../../domain/cell-input.ts';
import { feeValueProblem, parseFeeInput } from '../../domain/fee-statement.ts';
import { feeFieldId } from '../kernel/field-ids.ts';
import { FEE_FIELDS, type FeeField, type ReportFormValues } from '../kernel/form-values.ts';
import { FeeWording } from './fee-wording.tsx';

const FEE_LABELS: Record<FeeField, { label: string; unit: string }> = {
  noticesIssued: { label: '本年发出收费通知', unit: '件' },
  noticesAmount: { label: '收费通知金额合计', unit: '元' },
  collectedAmount: { label: '实际收取信息处理费', unit: '元' },
};

function FeeMessage({ field, id }: { field: FeeField; id: string }) {
  const raw = useWatch<ReportFormValues, `fees.${FeeField}`>({ name: `fees.${field}` });
  const parsed = parseFeeInput(raw ?? '', field);
  // What the clerk typed is read like a table cell; a value from a file that bypassed typing (e.g. −1)
  // parses as a number yet is outside the domain, and is named here too.
  const message = parsed.ok ? (feeValueProblem(parsed.value, field) ?? '') : parsed.message;
  return (
    <span id={id} className="field-error">
      {message}
    </span>
  );
}

export function FeeStatementFields() {
  const { register } = useFormContext<ReportFormValues>();
  return (
    <section className="fee-statement" aria-labelledby="fee-heading">
      <h2 id="fee-heading" className="part-heading">
        信息处理费
      </h2>
      <p className="field-help">
        按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），报告本年度发出收费通知的件数和金额，以及实际收取的金额。没有的填 0。金额以元为单位，{AMOUNT_DOMAINS['元'].precision}。
      </p>
      <div className="fee-grid">
        {FEE_FIELDS.map((field) => {
          const id = feeFieldId(field);
          const { label, unit } = FEE_LABELS[field];
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>
                {label}（{unit}）
              </label>
              <div className="input-with-unit">
                <input
                  id={id}
                  type="text"
                  inputMode={field === 'noticesIssued' ? 'numeric' : 'decimal'}
                  autoComplete="off"
                  aria-describedby={`${id}-message`}
                  {...register(`fees.${field}`)}
                />
                <span className="unit" aria-hidden="true">
                  {unit}
                </span>
              </div>
              <FeeMessage field={field} id={`${id}-message`} />
            </div>
          );
        })}
      </div>
      <FeeWording />
    </section>
  );
}
