/**
 * A modal dialog on the native `<dialog>` with `showModal()`: the browser traps focus, makes the rest
 * inert and closes on Esc. Mounted only while open; focus goes to the element marked `data-autofocus`
 * (else the first control) and returns to where it was when the dialog closes.
 *
 * A dialog about one place on the page (a comment on a cell) is placed clear of it (`keepClearOf`).
 *
 * The body is the dialog's one scroll area (a long list of problems on a 768 px screen). When its content
 * overflows it joins the tab order, so that a keyboard user can reach it and scroll it (WCAG 2.1.1; axe
 * `scrollable-region-focusable`); when it fits, it stays out of the way.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom. */
  readonly actions?: ReactNode;
  /** `alertdialog` for confirmations of something that cannot be undone. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly wide?: boolean;
  /**
   * The id of what the dialog is about (the cell or paragraph a comment is on): the dialog is placed
   * below it, above it or beside it, wherever it fits without covering it, instead of in the centre.
   */
  readonly keepClearOf?: string;
}

/** Space kept between the dialog and the element it must not cover, and from the window's edges. */
const CLEARANCE = 12;
const EDGE = 16;

/**
 * Moves an open dialog so that it does not cover `target` (both in the viewport): below it when there is
 * room, else above it (anchored by its bottom, so a message appearing in it grows away from the target),
 * else beside it. Leaves the dialog centred when the target is not on screen or nothing fits.
 */
function placeClearOf(dialog: HTMLDialogElement, target: HTMLElement): void {
  const spot = target.getBoundingClientRect();
  const viewHeight = window.innerHeight;
  const viewWidth = window.innerWidth;
  if (spot.bottom <= 0 || spot.top >= viewHeight) return;
  const box = dialog.getBoundingClientRect();
  const style = dialog.style;
  // Above or below, the room there is also the dialog's limit: a message appearing in it scrolls its
  // body instead of pushing it over the target or off the screen.
  const roomBelow = viewHeight - spot.bottom - CLEARANCE - EDGE;
  const roomAbove = spot.top - CLEARANCE - EDGE;
  if (box.height <= roomBelow) {
    Object.assign(style, { margin: '0 auto', top: `${spot.bottom + CLEARANCE}px`, bottom: 'auto', maxHeight: `${roomBelow}px` });
  } else if (box.height <= roomAbove) {
    Object.assign(style, { margin: '0 auto', top: 'auto', bottom: `${viewHeight - spot.top + CLEARANCE}px`, maxHeight: `${roomAbove}px` });
  } else {
    const roomLeft = spot.left - CLEARANCE - EDGE;
    const roomRight = viewWidth - spot.right - CLEARANCE - EDGE;
    if (box.width > Math.max(roomLeft, roomRight)) return;
    const left = roomRight >= box.width ? spot.right + CLEARANCE : spot.left - CLEARANCE - box.width;
    Object.assign(style, { margin: 'auto 0', left: `${left}px`, right: 'auto' });
  }
}

export function Modal({ title, onClose, children, actions, role, wide, keepClearOf }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  // After every render (the content may have changed) and whenever the window resizes the body.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) setScrollable(body.scrollHeight > body.clientHeight + 1);
  });
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => setScrollable(body.scrollHeight > body.clientHeight + 1));
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') {
        try {
          dialog.showModal();
        } catch {
          dialog.setAttribute('open', '');
        }
      } else dialog.setAttribute('open', '');
    }
    const clearOf = keepClearOf ? document.getElementById(keepClearOf) : null;
    if (clearOf) placeClearOf(dialog, clearOf);
    const target =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('input, select, textarea, button:not([disabled]), a[href]');
    target?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    // Esc: the browser fires `cancel`; closing goes through React state like every other way out.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      aria-modal="true"
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      <div id={bodyId} ref={bodyRef} className="modal-body" tabIndex={scrollable ? 0 : undefined}>
        {children}
      </div>
      {actions && <div className="modal-actions">{actions}</div>}
    </dialog>
  );
}
