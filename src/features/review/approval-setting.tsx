/**
 * The per-draft setting that makes the final report wait for a supervisor's approval (default on).
 * Agencies without a separate reviewer turn it off. It is part of what an approval covers: switching
 * it voids an approval, is recorded in the review history, and a final report made without review
 * says so in its properties (审核状态：未经审核（本机关未设审核）).
 */
import { settingsOf } from '../../domain/draft-types.ts';
import { setApprovalRequired } from '../../domain/review.ts';
import { useServices } from '../shared/services.tsx';
import { rememberedName } from '../shared/people.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';

export const REQUIRE_APPROVAL_LABEL = '正式版须经审核通过后生成';

export function ApprovalSetting() {
  const { commitMeta, currentDraft } = useEditor();
  const { now } = useServices();
  const { draft } = useLiveDraft();
  const checked = settingsOf(draft).requireApproval;
  return (
    <section className="rv-setting" aria-labelledby="approval-setting-heading">
      <h2 id="approval-setting-heading" className="part-heading">
        审核
      </h2>
      <div className="field field-check">
        <input
          id="require-approval"
          type="checkbox"
          checked={checked}
          aria-describedby="require-approval-help"
          onChange={(event) => {
            commitMeta(setApprovalRequired(currentDraft(), event.target.checked, rememberedName('clerk'), now()));
          }}
        />
        <label htmlFor="require-approval">{REQUIRE_APPROVAL_LABEL}</label>
      </div>
      <p id="require-approval-help" className="field-help">
        勾选时（默认），报告须在“检查与生成”中提交审核，由审核人（如办公室负责人）审核通过后才能生成正式版 Word 文件。没有单独审核人的机关可以取消勾选：取消后，报告没有错误、表格全部填写即可生成正式版，Word 文件属性中的审核状态为“未经审核（本机关未设审核）”。取消和恢复都记入审核记录；已审核通过的报告改动这一设置，审核即失效。
      </p>
    </section>
  );
}
