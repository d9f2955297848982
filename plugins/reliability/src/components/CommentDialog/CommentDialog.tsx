import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { validateComment } from '../../lib/reviewForms';
import { ReviewDialog, useDialogSubmit } from '../ReviewDialog';

export interface CommentDialogProps {
  open: boolean;
  title: string;
  description?: string;
  confirmLabel: string;
  commentLabel?: string;
  commentRequired: boolean;
  /** Sends the decision; a rejection is shown in the dialog with the backend's message. */
  onSubmit: (comment: string) => Promise<void>;
  onClose: () => void;
  /** Shown once the decision is saved, e.g. "Approved the waiver of Load test". */
  successMessage?: string;
}

/** A confirmation with a comment: approve/reject a waiver, sign off a review, revoke. */
export function CommentDialog(props: CommentDialogProps) {
  const {
    open,
    title,
    description,
    confirmLabel,
    commentLabel = 'Comment',
    commentRequired,
    onSubmit,
    onClose,
    successMessage,
  } = props;
  const [comment, setComment] = useState('');
  const [id] = useState(
    () => `comment-dialog-${Math.random().toString(36).slice(2)}`,
  );

  const error = validateComment(comment, {
    required: commentRequired,
    what: commentLabel,
  });

  const {
    submitted: touched,
    sending,
    refusal,
    submit,
    markSubmitted: touch,
    close,
  } = useDialogSubmit({
    valid: !error,
    send: () => onSubmit(comment.trim()),
    successMessage,
    // The dialog stays mounted between openings: start the next one blank.
    onClose: () => {
      setComment('');
      onClose();
    },
  });

  return (
    <ReviewDialog
      id={id}
      open={open}
      title={title}
      intro={description}
      refusal={refusal}
      sending={sending}
      submitLabel={confirmLabel}
      onSubmit={submit}
      onClose={close}
    >
      <TextField
        id={`${id}-comment`}
        label={commentLabel}
        value={comment}
        onChange={e => setComment(e.target.value)}
        onBlur={touch}
        error={touched && Boolean(error)}
        helperText={touched && error}
        required={commentRequired}
        multiline
        minRows={3}
        fullWidth
        margin="normal"
      />
    </ReviewDialog>
  );
}
