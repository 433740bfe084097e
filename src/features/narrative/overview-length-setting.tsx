/**
 * The local limit on the length of 一、总体情况 (`settings.overviewLengthLimit`, rule N15): many local
 * rules set 1000 字, some another number, some none. A setting of the draft, like 审核: it is committed
 * with the draft's settings (`commitMeta`), not typed into the report's content.
 */
import { useState } from 'react';
import { DEFAULT_OVERVIEW_LENGTH_LIMIT, overviewLengthLimitOf } from '../../domain/draft-types.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';

const LIMIT_ID = 'overview-length-limit';

export function OverviewLengthSetting() {
  const { commitMeta, currentDraft, readOnly } = useEditor();
  const { draft } = useLiveDraft();
  const limit = overviewLengthLimitOf(draft);
  const [typed, setTyped] = useState<string | null>(null);
  const commit = (next: number | null) => {
    const current = currentDraft();
    commitMeta({ ...current, settings: { requireApproval: current.settings?.requireApproval ?? true, ...current.settings, overviewLengthLimit: next } });
  };
  const shown = typed ?? (limit === null ? '' : String(limit));
  const problem = typed !== null && !/^\d{1,6}$/.test(typed.trim()) ? '请填写 1 至 100000 之间的整数。' : '';
  return (
    <div className="field field-short overview-length">
      <label htmlFor={LIMIT_ID}>本地规定的字数上限</label>
      <div className="overview-length-row">
        <input
          id={LIMIT_ID}
          type="text"
          inputMode="numeric"
          value={shown}
          disabled={readOnly || limit === null}
          aria-describedby={`${LIMIT_ID}-help ${LIMIT_ID}-message`}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={() => {
            if (typed === null) return;
            const value = Number(typed.trim());
            if (/^\d{1,6}$/.test(typed.trim()) && value >= 1 && value <= 100_000) {
              commit(value);
              setTyped(null);
            }
          }}
        />
        <span>字</span>
        <label className="overview-length-none">
          <input type="checkbox" checked={limit === null} disabled={readOnly} onChange={(event) => commit(event.target.checked ? null : DEFAULT_OVERVIEW_LENGTH_LIMIT)} />
          本地不限字数
        </label>
      </div>
      <span id={`${LIMIT_ID}-help`} className="field-help">
        “一、总体情况”（概述、各小标题及正文）超过上限时，检查会提醒。默认 {DEFAULT_OVERVIEW_LENGTH_LIMIT} 字，按本地要求修改。
      </span>
      <span id={`${LIMIT_ID}-message`} className="field-error" role={problem ? 'alert' : undefined}>
        {problem}
      </span>
    </div>
  );
}
