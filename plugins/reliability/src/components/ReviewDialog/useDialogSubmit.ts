import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { refusalMessage } from '../../lib/reviewForms';

export interface DialogSubmitOptions<T> {
  /** Whether the fields pass validation; an invalid form is never sent. */
  valid: boolean;
  send: () => Promise<T>;
  onSaved?: (result: T) => void;
  onClose: () => void;
  /**
   * Said once the write is saved ("Attested Load test"): a dialog that just closes leaves
   * people unsure whether anything happened.
   */
  successMessage?: string | ((result: T) => string);
}

export interface DialogSubmitState {
  /** True once the user tried to submit: field errors are shown from then on. */
  submitted: boolean;
  sending: boolean;
  /** The backend's reason for refusing the last attempt. */
  refusal?: string;
  submit: () => Promise<void>;
  /** Shows field errors without sending, e.g. when a field loses focus. */
  markSubmitted: () => void;
  /**
   * Forgets errors and refusal, then calls `onClose`: a dialog that stays mounted
   * between openings starts the next one clean. Also called after a save.
   */
  close: () => void;
}

/**
 * The submit cycle the review dialogs share: validate first, send once, keep the
 * dialog open with the backend's message when refused, close when saved.
 */
export function useDialogSubmit<T>(
  options: DialogSubmitOptions<T>,
): DialogSubmitState {
  const { valid, send, onSaved, onClose, successMessage } = options;
  const alertApi = useApi(alertApiRef);
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const close = () => {
    setSubmitted(false);
    setRefusal(undefined);
    onClose();
  };

  const submit = async () => {
    setSubmitted(true);
    if (!valid) {
      return;
    }
    setSending(true);
    setRefusal(undefined);
    try {
      const result = await send();
      onSaved?.(result);
      close();
      if (successMessage) {
        alertApi.post({
          message:
            typeof successMessage === 'function'
              ? successMessage(result)
              : successMessage,
          severity: 'success',
          display: 'transient',
        });
      }
    } catch (e) {
      setRefusal(refusalMessage(e));
    } finally {
      setSending(false);
    }
  };

  return {
    submitted,
    sending,
    refusal,
    submit,
    markSubmitted: () => setSubmitted(true),
    close,
  };
}
