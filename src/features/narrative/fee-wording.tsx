/**
 * 六: how the 信息处理费 sentence is worded. The clerk picks one of the wordings published reports use
 * (src/domain/fee-statement.ts `FEE_WORDINGS`), sees the sentence the report will print, and may edit it;
 * an edited sentence is printed as written and no longer follows the figures, which the screen says.
 */
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Draft, FeeWordingId } from '../../domain/draft-types.ts';
import { feeStatementSentence, FEE_WORDINGS, generatedFeeSentence } from '../../domain/fee-statement.ts';
import { useEditor } from '../kernel/editor-context.tsx';
import { formFees, formWording, type ReportFormValues } from '../kernel/form-values.ts';

const FEE_TEXT_ID = 'fee-wording-text';

function useDraftWithFees(): Draft {
  const { base } = useEditor();
  const fees = useWatch<ReportFormValues, 'fees'>({ name: 'fees' });
  const wording = useWatch<ReportFormValues, 'wording'>({ name: 'wording' });
  const draft: Draft = { ...base(), fees: formFees(fees) };
  const chosen = formWording(wording);
  if (chosen === undefined) delete draft.wording;
  else draft.wording = chosen;
  return draft;
}

export function FeeWording() {
  const { register, setValue } = useFormContext<ReportFormValues>();
  const draft = useDraftWithFees();
  const fee = (draft.wording?.fee ?? 'itemised') satisfies FeeWordingId;
  const ownText = draft.wording?.feeText ?? '';
  // The box stays while the clerk edits, also when they clear it to retype (an empty box prints the generated sentence).
  const [editing, setEditing] = useState(false);
  const edited = editing || ownText !== '';
  const sentence = feeStatementSentence(draft);
  const chosen = FEE_WORDINGS.find((wording) => wording.id === fee)!;

  return (
    <div className="fee-wording">
      <fieldset className="fee-wording-choice" disabled={edited}>
        <legend>报告中的写法</legend>
        {FEE_WORDINGS.map((wording) => (
          <label key={wording.id} className="radio-option">
            <input
              type="radio"
              value={wording.id}
              checked={fee === wording.id}
              onChange={() => setValue('wording.fee', wording.id === 'itemised' ? '' : wording.id, { shouldDirty: true })}
            />
            {wording.name}
          </label>
        ))}
        <p className="field-help">{chosen.help}</p>
      </fieldset>
      {edited ? (
        <>
          <label htmlFor={FEE_TEXT_ID}>报告中将写入（已修改，不再随上面的数字自动更新；清空则按上面的写法自动生成）：</label>
          <textarea id={FEE_TEXT_ID} rows={3} spellCheck={false} {...register('wording.feeText')} />
          <div className="field-foot">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setEditing(false);
                setValue('wording.feeText', '', { shouldDirty: true });
              }}
            >
              恢复为自动生成的表述
            </button>
          </div>
        </>
      ) : (
        <div className="sentence-preview">
          <p className="sentence-preview-label">报告中将写入：</p>
          <p className="sentence-preview-text" data-testid="fee-sentence">
            {sentence ||
              (fee === 'omitted'
                ? '（不写信息处理费。）'
                : '（填写上面的数字后在这里生成标准表述；没有发出收费通知、没有收费的，请填 0。）')}
          </p>
          {fee !== 'omitted' && (
            <button
              type="button"
              className="button button-small"
              disabled={sentence === ''}
              onClick={() => {
                setEditing(true);
                setValue('wording.feeText', generatedFeeSentence(draft, fee), { shouldDirty: true });
              }}
            >
              修改这句表述
            </button>
          )}
        </div>
      )}
    </div>
  );
}
