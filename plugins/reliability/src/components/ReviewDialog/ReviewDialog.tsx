import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import type { ReactNode } from 'react';

export interface ReviewDialogProps {
  /** Prefix of the element ids; the title is `${id}-title`. */
  id: string;
  open?: boolean;
  title: ReactNode;
  intro?: ReactNode;
  refusal?: string;
  sending: boolean;
  submitLabel: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  /** The form fields. */
  children: ReactNode;
}

/** The frame of a review write: title, intro, the backend's refusal, fields, Cancel and submit. */
export function ReviewDialog(props: ReviewDialogProps) {
  const {
    id,
    open = true,
    title,
    intro,
    refusal,
    sending,
    submitLabel,
    onSubmit,
    onClose,
    children,
  } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${id}-title`}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        {intro && <DialogContentText>{intro}</DialogContentText>}
        {refusal && (
          <Alert severity="error" role="alert">
            {refusal}
          </Alert>
        )}
        {children}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={onSubmit}
          disabled={sending}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
