/**
 * A modal dialog on the native `<dialog>` with `showModal()`: the browser traps focus, makes the rest
 * inert and closes on Esc. Mounted only while open; focus goes to the element marked `data-autofocus`
 * (else the first control) and returns to where it was when the dialog closes.
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
}

export function Modal({ title, onClose, children, actions, role, wide }: ModalProps) {
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
