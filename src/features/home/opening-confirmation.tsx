/**
 * What a chosen file holds that the clerk or supervisor must know before it opens: the Word file shows
 * something other than the draft it carries, its totals disagree with their parts, or (审核报告) it is an
 * older round than the one this browser holds. Everything found in one file is said in one dialog and
 * confirmed once, in a fixed order, rather than one dialog after another.
 */
import type { Draft } from '../../domain/draft-types.ts';
import { storedTotalDisagreements, storedTotalMessage, type StoredTotalDisagreement } from '../../domain/stored-totals.ts';
import { Modal } from '../shared/modal.tsx';
import { visibleChanges, type VisibleChanges } from './visible-check.ts';
import './opening-confirmation.css';

export type OpeningFinding =
  /** 审核报告 only: a file from an earlier round than the report this browser holds. */
  | { readonly kind: 'olderRound'; readonly message: string }
  /** A `.docx` whose visible report differs from its embedded draft. */
  | { readonly kind: 'visibleChanges'; readonly changes: VisibleChanges }
  /** Stored 总计 that disagree with their parts (the app shows the sums). */
  | { readonly kind: 'storedTotals'; readonly disagreements: readonly StoredTotalDisagreement[] };

/** What happens once the file is confirmed: it opens as a draft, or for review. */
export type OpeningNext = 'open' | 'review';

export interface PendingOpening {
  readonly fileName: string;
  /** The draft to open (as carried; with its approval voided when the Word file was changed). */
  readonly draft: Draft;
  readonly next: OpeningNext;
  /** In the order of `FINDING_ORDER`; empty when the file opens without a word. */
  readonly findings: readonly OpeningFinding[];
}

/**
 * A stale file first (the likeliest mistake with files that travel by mail, and the one that makes the
 * rest moot), then what the Word file shows, then what the numbers say.
 */
const FINDING_ORDER: readonly OpeningFinding['kind'][] = ['olderRound', 'visibleChanges', 'storedTotals'];

/** The title of a dialog about this one finding alone, and its heading among several. */
const FINDING_TITLES: Readonly<Record<OpeningFinding['kind'], string>> = {
  olderRound: '这是一份旧的送审文件',
  visibleChanges: 'Word 文件中的内容被改动过',
  storedTotals: '文件中的总计与各项之和不符',
};

/** Totals listed in the dialog; the rest are counted. */
const MAX_LISTED_TOTALS = 30;

/**
 * Everything to confirm before `draft`, read from `file`, opens. `olderRound` is asked for a file to
 * review only: a clerk's own older file is pointed out in the dialogs that follow (已有同一机关…).
 */
export async function pendingOpening(
  file: File,
  read: Draft,
  next: OpeningNext,
  options: { readonly now: Date; readonly by: string; readonly olderRound: (draft: Draft) => string | null },
): Promise<PendingOpening> {
  const changes = await visibleChanges(file, read, options.now, options.by);
  const draft = changes?.draft ?? read;
  const found: OpeningFinding[] = [];
  if (changes) found.push({ kind: 'visibleChanges', changes });
  const disagreements = storedTotalDisagreements(draft);
  if (disagreements.length > 0) found.push({ kind: 'storedTotals', disagreements });
  const message = next === 'review' ? options.olderRound(draft) : null;
  if (message) found.push({ kind: 'olderRound', message });
  const findings = [...found].sort((a, b) => FINDING_ORDER.indexOf(a.kind) - FINDING_ORDER.indexOf(b.kind));
  return { fileName: file.name, draft, next, findings };
}

function confirmLabel(kinds: ReadonlySet<OpeningFinding['kind']>): string {
  if (kinds.has('olderRound')) return '仍然审核这份文件';
  if (kinds.has('visibleChanges')) return kinds.has('storedTotals') ? '按附带的草稿数据打开并核对' : '按附带的草稿数据打开';
  return '打开并核对';
}

export function OpeningConfirmation({ pending, onConfirm, onCancel }: { pending: PendingOpening; onConfirm: () => void; onCancel: () => void }) {
  const { findings, fileName, draft } = pending;
  const kinds = new Set(findings.map((finding) => finding.kind));
  // An older round is a reason not to go on: 取消 is then the default, as for every warning of that weight.
  const discouraged = kinds.has('olderRound');
  const single = findings.length === 1 ? findings[0]! : null;
  const title = single ? FINDING_TITLES[single.kind] : `打开前请注意：这个文件有 ${findings.length} 个问题`;
  return (
    <Modal
      title={title}
      role={discouraged ? 'alertdialog' : 'dialog'}
      wide
      onClose={onCancel}
      actions={
        <>
          <button type="button" className={discouraged ? 'button' : 'button button-primary'} data-autofocus={discouraged ? undefined : true} onClick={onConfirm}>
            {confirmLabel(kinds)}
          </button>
          <button type="button" className={discouraged ? 'button button-primary' : 'button'} data-autofocus={discouraged ? true : undefined} onClick={onCancel}>
            取消
          </button>
        </>
      }
    >
      <p>
        文件“{fileName}”是“{draft.agency.name}”{draft.year}年度的报告。{single ? '' : '打开之前，请先看过下面每一个问题。'}
      </p>
      {single ? (
        <FindingBody finding={single} />
      ) : (
        findings.map((finding) => (
          <section key={finding.kind} className="opening-finding" aria-labelledby={`opening-finding-${finding.kind}`}>
            <h3 id={`opening-finding-${finding.kind}`}>{FINDING_TITLES[finding.kind]}</h3>
            <FindingBody finding={finding} />
          </section>
        ))
      )}
    </Modal>
  );
}

function FindingBody({ finding }: { finding: OpeningFinding }) {
  switch (finding.kind) {
    case 'olderRound':
      return (
        <>
          <p className="tone-warning" role="note">
            {finding.message}
          </p>
          <p>请向编制人要最新一轮的送审文件再审核。</p>
        </>
      );
    case 'visibleChanges': {
      const { changes } = finding;
      return (
        <>
          <p>
            Word 文件中显示的报告与其中附带的草稿数据有 {changes.total} 处不同：文件在本工具之外（如在 Word 中）被改动过。本工具只能按附带的草稿数据打开，Word
            中所做的改动不会带入；这份文件的审核通过记录不能作为审核通过。
          </p>
          <ul className="problem-list">
            {changes.messages.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
          {changes.total > changes.messages.length && <p className="muted">另有 {changes.total - changes.messages.length} 处不同未列出。</p>}
        </>
      );
    }
    case 'storedTotals': {
      const { disagreements } = finding;
      return (
        <>
          <p>
            文件中有 {disagreements.length} 个总计与各项之和不符。本工具的总计由各项自动相加，不能直接填写，打开后这些总计显示为各项之和。总计不符，往往是某一项填错了：请打开后核对下列各行的每一项数字。
          </p>
          <ul className="problem-list">
            {disagreements.slice(0, MAX_LISTED_TOTALS).map((item) => (
              <li key={item.key}>{storedTotalMessage(item)}</li>
            ))}
          </ul>
          {disagreements.length > MAX_LISTED_TOTALS && <p className="muted">另有 {disagreements.length - MAX_LISTED_TOTALS} 个总计未列出。</p>}
        </>
      );
    }
  }
}
