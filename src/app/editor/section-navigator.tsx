/**
 * The always-visible list of steps with each one's state, the overall progress, and the
 * previous/next buttons. State comes from the live draft (refreshed shortly after typing stops).
 */
import { useMemo } from 'react';
import { routeHash } from '../../features/shared/routing.ts';
import { useEditor, useLiveDraft } from '../../features/kernel/editor-context.tsx';
import { progressOf, stepStatuses, stepStatusText, stepStatusTone } from '../../features/kernel/step-status.ts';
import { editorSteps, type StepId } from '../../features/kernel/steps.ts';

function useStatuses() {
  const { template } = useEditor();
  const { draft, findings } = useLiveDraft();
  return useMemo(() => stepStatuses(draft, findings, template), [draft, findings, template]);
}

export function SectionNavigator({ current }: { current: StepId }) {
  const { template, draftId, goTo } = useEditor();
  const statuses = useStatuses();
  const steps = editorSteps(template);
  const progress = progressOf(statuses);
  return (
    <>
      <div className="progress">
        <label htmlFor="fill-progress" className="progress-label">
          填写进度：已完成 {progress.done} / {progress.total} 部分
        </label>
        <progress id="fill-progress" max={progress.total} value={progress.done} />
      </div>
      <ol className="step-list">
        {steps.map((step) => {
          const status = statuses[step.id]!;
          const text = stepStatusText(status);
          const tone = stepStatusTone(status);
          return (
            <li key={step.id}>
              <a
                href={routeHash({ page: 'draft', draftId, step: step.id })}
                className={step.id === current ? 'step-link step-current' : 'step-link'}
                aria-current={step.id === current ? 'step' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(step.id);
                }}
              >
                <span className="step-label">{step.label}</span>
                <span className={`step-status tone-${tone}`}>
                  <span className="visually-hidden">，</span>
                  {text}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function StepPager({ current }: { current: StepId }) {
  const { template, goTo } = useEditor();
  const steps = editorSteps(template);
  const index = steps.findIndex((step) => step.id === current);
  const previous = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 && index < steps.length - 1 ? steps[index + 1] : undefined;
  return (
    <nav className="pager" aria-label="上一步和下一步">
      {previous ? (
        <button type="button" className="button" onClick={() => goTo(previous.id)}>
          上一步：{previous.label}
        </button>
      ) : (
        <span />
      )}
      {next && (
        <button type="button" className="button button-primary" onClick={() => goTo(next.id)}>
          下一步：{next.label}
        </button>
      )}
    </nav>
  );
}
