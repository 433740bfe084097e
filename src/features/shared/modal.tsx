/**
 * A modal dialog on the native `<dialog>` with `showModal()`: the browser traps focus, makes the rest
 * inert and closes on Esc. Mounted only while open; focus goes to the element marked `data-autofocus`
 * (else the first control) and returns to where it was when the dialog closes.
 */
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

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
      <div id={bodyId} className="modal-body">
        {children}
      </div>
      {actions && <div className="modal-actions">{actions}</div>}
    </dialog>
  );
}
