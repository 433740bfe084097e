/**
 * The state of each step shown in the navigator, derived from the draft and the findings only (no
 * stored flags): 未开始 / 填写中 / 已完成, the number of errors, 待填 relations and warnings located on
 * the step (counted as everywhere else: `countFindings`), and the reviewer's comments on it still open.
 */
import { reviewOf, type CommentAnchor, type Draft } from '../../domain/draft-types.ts';
import { countFindings, type Finding } from '../../domain/findings.ts';
import { indexTemplate, sectionOfCell, sectionTables } from '../../domain/template.ts';
import type { NarrativeSectionTemplate, ReportTemplate } from '../../domain/template-types.ts';
import { flattenTables } from '../../domain/values.ts';
import { locateFinding } from './locate-finding.ts';
import { editorSteps, type StepId } from './steps.ts';
import { isTooShort } from '../../domain/narrative-rules.ts';

export type FillState = 'notStarted' | 'inProgress' | 'complete';

export interface StepStatus {
  readonly fill: FillState;
  readonly errors: number;
  /** Relations still waiting for untouched cells (待填): neutral, not errors. */
  readonly pending: number;
  readonly warnings: number;
  /** Review comments on the step not yet resolved or answered (检查与生成: all of them). */
  readonly openComments: number;
}

/**
 * The step a review comment points into: a cell's section, a paragraph's or section's own, and the
 * 编制说明 (anchored to the first section, part `preamble`) on 基本信息. The same step the clerk is
 * taken to from the comment (editorPlace, src/features/review/anchors.ts).
 */
export function anchorStep(anchor: CommentAnchor, template: ReportTemplate): StepId | null {
  if (anchor.kind === 'cell') return sectionOfCell(template, anchor.cell)?.id ?? null;
  if (!template.sections.some((section) => section.id === anchor.section)) return null;
  if (anchor.kind === 'paragraph' && anchor.part === 'preamble') return 'basics';
  return anchor.section;
}

const filled = (text: string | undefined) => (text ?? '').trim() !== '';

function fillOf(done: number, total: number, anything: boolean): FillState {
  if (!anything) return 'notStarted';
  return done >= total ? 'complete' : 'inProgress';
}

function basicsFill(draft: Draft): FillState {
  const { name, address, postcode, phone, website } = draft.agency;
  const fields = [name, address, postcode, phone, website];
  const done = fields.filter(filled).length;
  // The name is given when the report is created, so 未开始 means nothing beyond it.
  return fillOf(done, fields.length, done > (filled(name) ? 1 : 0) || filled(draft.preamble));
}

function narrativeFill(section: NarrativeSectionTemplate, draft: Draft): FillState {
  const stored = draft.narrative[section.id];
  const parts = stored?.parts ?? [];
  // Required topics count by the parts standing for them, whatever their titles and places.
  const topicText = (key: string) => parts.filter((part) => part.topic === key).map((part) => part.text).join('\n');
  const required = section.parts.filter((part) => !part.optional);
  let total = required.length + (section.hasIntro ? 1 : 0);
  let done = required.filter((part) => filled(topicText(part.key)) && !isTooShort(part, topicText(part.key))).length;
  if (section.hasIntro && filled(stored?.intro)) done += 1;
  let anything = filled(stored?.intro) || parts.some((part) => filled(part.text) || (part.topic === null && filled(part.title)));
  if (section.hasFeeStatement) {
    const fees = Object.values(draft.fees);
    total += fees.length;
    done += fees.filter((value) => value !== null).length;
    anything ||= fees.some((value) => value !== null);
  }
  return fillOf(done, total, anything);
}

export function stepStatuses(draft: Draft, findings: readonly Finding[], template: ReportTemplate): Record<StepId, StepStatus> {
  const byStep = new Map<StepId, Finding[]>();
  for (const finding of findings) {
    const { step } = locateFinding(finding, template);
    const list = byStep.get(step) ?? [];
    list.push(finding);
    byStep.set(step, list);
  }
  const counts = new Map([...byStep].map(([step, list]) => [step, countFindings(list)]));
  const openByStep = new Map<StepId, number>();
  for (const comment of reviewOf(draft).comments) {
    const step = comment.state === 'open' ? anchorStep(comment.anchor, template) : null;
    if (step) openByStep.set(step, (openByStep.get(step) ?? 0) + 1);
  }
  const values = flattenTables(template, draft.tables);
  const index = indexTemplate(template);
  const result = {} as Record<StepId, StepStatus>;
  let contentDone = true;
  let totalErrors = 0;
  let totalPending = 0;
  let totalWarnings = 0;
  let totalOpen = 0;
  for (const step of editorSteps(template)) {
    let fill: FillState = 'notStarted';
    if (step.id === 'basics') fill = basicsFill(draft);
    else if (step.section?.kind === 'narrative') fill = narrativeFill(step.section, draft);
    else if (step.section?.kind === 'table') {
      // Every table of the section: a local variant's as well as the format's own.
      const inputs = sectionTables(step.section)
        .flatMap((placed) => index.cellsByTable.get(placed.table.key) ?? [])
        .filter((cell) => !cell.computed);
      const done = inputs.filter((cell) => values[cell.key] !== null && values[cell.key] !== undefined).length;
      fill = fillOf(done, inputs.length, done > 0);
    }
    const count = counts.get(step.id) ?? { errors: 0, pending: 0, warnings: 0 };
    if (step.id !== 'check') {
      contentDone &&= fill === 'complete';
      totalErrors += count.errors;
      totalPending += count.pending;
      totalWarnings += count.warnings;
    }
    const openComments = openByStep.get(step.id) ?? 0;
    totalOpen += openComments;
    result[step.id] = { fill, ...count, openComments };
  }
  const checkOwn = counts.get('check') ?? { errors: 0, pending: 0, warnings: 0 };
  result.check = {
    fill: contentDone && totalErrors + checkOwn.errors + totalPending + checkOwn.pending === 0 ? 'complete' : 'inProgress',
    errors: totalErrors + checkOwn.errors,
    pending: totalPending + checkOwn.pending,
    warnings: totalWarnings + checkOwn.warnings,
    openComments: totalOpen,
  };
  return result;
}

const FILL_TEXT: Record<FillState, string> = { notStarted: '未开始', inProgress: '填写中', complete: '已完成' };

/**
 * The one state shown for a step. Errors outrank everything; a step not yet started shows 未开始 even
 * though its empty cells raise a 'not filled in' reminder; a step with a reviewer's comment still open
 * is not 已完成, however full it is.
 */
export function stepStatusText(status: StepStatus): string {
  if (status.errors > 0) return `${status.errors} 个错误`;
  if (status.openComments > 0) return `${status.openComments} 条意见待处理`;
  if (status.fill === 'notStarted') return FILL_TEXT.notStarted;
  if (status.pending > 0) return `${status.pending} 处待填`;
  if (status.warnings > 0) return `${status.warnings} 个提醒`;
  return FILL_TEXT[status.fill];
}

export function stepStatusTone(status: StepStatus): 'error' | 'warning' | FillState {
  if (status.errors > 0) return 'error';
  if (status.openComments > 0) return 'warning';
  // 待填 is neutral: the table is simply being filled.
  if (status.fill !== 'notStarted' && status.pending > 0) return 'inProgress';
  if (status.fill !== 'notStarted' && status.warnings > 0) return 'warning';
  return status.fill;
}

/** Content steps (基本信息 and the six sections) completed, for the progress indicator. */
export function progressOf(statuses: Record<StepId, StepStatus>): { done: number; total: number } {
  const entries = Object.entries(statuses).filter(([id]) => id !== 'check');
  return { done: entries.filter(([, status]) => status.fill === 'complete').length, total: entries.length };
}
