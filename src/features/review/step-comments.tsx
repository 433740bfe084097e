/**
 * The reviewer's comments where the clerk works: on each step, the comments about it (with 定位,
 * 标记已解决, 答复), and at each place a mark — the cell outlined with its comment floating beside it
 * on hover and focus, a paragraph's block outlined with the comment under it — so the clerk sees what
 * was said exactly where the change is to be made.
 *
 * The marks are put on the DOM of the step after it renders (data attributes and one note element per
 * place, removed again on cleanup): the grid and the text fields stay unaware of reviews.
 */
import { useEffect, useMemo } from 'react';
import { reviewOf, type ReviewComment } from '../../domain/draft-types.ts';
import { anchorLabel } from '../../domain/review.ts';
import { cellCommentId } from '../kernel/cell-id.ts';
import { useEditor, useLiveDraft } from '../kernel/editor-context.tsx';
import type { StepId } from '../kernel/steps.ts';
import { editorPlace, type EditorPlace } from './anchors.ts';
import { CommentCard, commentTitle } from './comment-card.tsx';
import { ClerkCommentActions } from './clerk-comment-actions.tsx';
import './review.css';

interface PlacedComment {
  readonly comment: ReviewComment;
  readonly number: number;
  readonly place: EditorPlace;
}

const MARK_ATTRIBUTE = 'data-rv-comments';

function markTarget(place: EditorPlace): { target: HTMLElement; focus: HTMLElement } | null {
  const focus = document.getElementById(place.elementId);
  if (!focus) return null;
  const target = place.mark ? focus.closest<HTMLElement>(place.mark) : focus;
  return target ? { target, focus } : null;
}

/** Marks each place that has comments still to be dealt with; returns the undo. */
function markPlaces(placed: readonly PlacedComment[]): () => void {
  const groups = new Map<string, PlacedComment[]>();
  for (const item of placed) {
    if (item.comment.state === 'resolved') continue;
    const key = `${item.place.elementId}|${item.place.mark}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const undo: (() => void)[] = [];
  for (const items of groups.values()) {
    const found = markTarget(items[0]!.place);
    if (!found) continue;
    const { target, focus } = found;
    const titles = items.map((item) => commentTitle(item.number)).join('、');
    const text = items.map((item) => `${commentTitle(item.number)}：${item.comment.text}`).join('；');
    target.setAttribute(MARK_ATTRIBUTE, titles);
    target.classList.add('rv-marked');
    // The input keeps its own aria-describedby (the grid's messages); the comment goes in a description.
    const hadDescription = focus.getAttribute('aria-description');
    focus.setAttribute('aria-description', `审核意见。${text}`);
    let note: HTMLElement | null = null;
    // A heading gets no note inside it: the list of the step's comments sits right below it.
    if (items[0]!.place.mark !== '') {
      note = document.createElement(items[0]!.place.mark === 'td' ? 'span' : 'div');
      note.className = items[0]!.place.mark === 'td' ? 'rv-cell-note' : 'rv-place-note';
      note.setAttribute('aria-hidden', 'true');
      // The grid lists this id in the cell's aria-describedby beside its own message (which would
      // otherwise hide the aria-description), so a cell with both reads both.
      if (items[0]!.place.mark === 'td') note.id = cellCommentId(focus.id);
      for (const item of items) {
        const line = document.createElement('span');
        line.className = 'rv-note-line';
        const label = document.createElement('strong');
        label.textContent = `${commentTitle(item.number)}${item.comment.state === 'answered' ? '（已答复）' : ''}：`;
        line.append(label, item.comment.text);
        note.append(line);
      }
      target.append(note);
    }
    undo.push(() => {
      target.removeAttribute(MARK_ATTRIBUTE);
      target.classList.remove('rv-marked');
      if (hadDescription === null) focus.removeAttribute('aria-description');
      else focus.setAttribute('aria-description', hadDescription);
      note?.remove();
    });
  }
  return () => undo.forEach((run) => run());
}

export function StepComments({ step }: { step: StepId }) {
  const { template, goTo } = useEditor();
  const { draft } = useLiveDraft();
  const review = reviewOf(draft);
  const placed = useMemo(() => {
    const items: PlacedComment[] = [];
    review.comments.forEach((comment, index) => {
      const place = editorPlace(comment.anchor, template);
      if (place && place.step === step) items.push({ comment, number: index + 1, place });
    });
    return items;
  }, [review.comments, template, step]);

  useEffect(() => markPlaces(placed), [placed]);

  // The check page lists every comment itself.
  if (step === 'check' || placed.length === 0) return null;
  const open = placed.filter((item) => item.comment.state !== 'resolved');
  const done = placed.filter((item) => item.comment.state === 'resolved');
  return (
    <section className="rv-step-comments" aria-labelledby={`rv-step-comments-${step}`}>
      <h2 id={`rv-step-comments-${step}`} className="rv-step-comments-heading">
        本页的审核意见
        <span className="rv-step-comments-count">
          {open.length > 0 ? `（${open.length} 条待处理或已答复${done.length > 0 ? `，${done.length} 条已解决` : ''}）` : `（${done.length} 条，均已解决）`}
        </span>
      </h2>
      <ul className="rv-comment-list">
        {[...open, ...done].map((item) => (
          <CommentCard
            key={item.comment.id}
            comment={item.comment}
            number={item.number}
            place={anchorLabel(draft, item.comment.anchor)}
            actions={
              <ClerkCommentActions
                comment={item.comment}
                number={item.number}
                status={review.status}
                onLocate={() => goTo(item.place.step, item.place.elementId)}
              />
            }
          />
        ))}
      </ul>
    </section>
  );
}
