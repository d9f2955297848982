import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { refusalMessage, validateComment } from '../../lib/reviewForms';

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
  } = props;
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [id] = useState(
    () => `comment-dialog-${Math.random().toString(36).slice(2)}`,
  );

  const error = validateComment(comment, {
    required: commentRequired,
    what: commentLabel,
  });

  const close = () => {
    setComment('');
    setTouched(false);
    setRefusal(undefined);
    onClose();
  };

  const submit = async () => {
    setTouched(true);
    if (error) {
      return;
    }
    setSending(true);
    setRefusal(undefined);
    try {
      await onSubmit(comment.trim());
      close();
    } catch (e) {
      setRefusal(refusalMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${id}-title`}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        {description && <DialogContentText>{description}</DialogContentText>}
        {refusal && (
          <Alert severity="error" role="alert">
            {refusal}
          </Alert>
        )}
        <TextField
          id={`${id}-comment`}
          label={commentLabel}
          value={comment}
          onChange={e => setComment(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && Boolean(error)}
          helperText={touched && error}
          required={commentRequired}
          multiline
          minRows={3}
          fullWidth
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={sending}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
