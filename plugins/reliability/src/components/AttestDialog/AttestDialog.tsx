import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type {
  AttestationWriteResponse,
  CheckReviewState,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import {
  refusalMessage,
  validateComment,
  validateEvidenceUrl,
} from '../../lib/reviewForms';

export interface AttestDialogProps {
  entityRef: CompoundEntityRef;
  /** The attested check; its `attestationVersion` is what the write is based on. */
  check: CheckReviewState;
  onClose: () => void;
  onSaved: (response: AttestationWriteResponse) => void;
}

/** Records evidence for an attested check: a link and what was done. */
export function AttestDialog(props: AttestDialogProps) {
  const { entityRef, check, onClose, onSaved } = props;
  const api = useApi(reliabilityApiRef);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const urlError = validateEvidenceUrl(evidenceUrl);
  const commentError = validateComment(comment, { required: true });

  const submit = async () => {
    setSubmitted(true);
    if (urlError || commentError) {
      return;
    }
    setSending(true);
    setRefusal(undefined);
    try {
      const response = await api.attest(entityRef, check.checkId, {
        evidenceUrl: evidenceUrl.trim(),
        comment: comment.trim(),
        expectedVersion: check.attestationVersion,
      });
      onSaved(response);
      onClose();
    } catch (e) {
      setRefusal(refusalMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="attest-dialog-title"
    >
      <DialogTitle id="attest-dialog-title">Attest: {check.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Link the evidence and say what was done. The attestation is valid for{' '}
          {check.validityDays ?? 365} days; it is recorded with your name and
          today's date.
        </DialogContentText>
        {refusal && (
          <Alert severity="error" role="alert">
            {refusal}
          </Alert>
        )}
        <TextField
          id="attest-evidence-url"
          label="Evidence URL"
          placeholder="https://"
          value={evidenceUrl}
          onChange={e => setEvidenceUrl(e.target.value)}
          error={submitted && Boolean(urlError)}
          helperText={submitted && urlError}
          required
          fullWidth
          margin="normal"
        />
        <TextField
          id="attest-comment"
          label="Comment"
          value={comment}
          onChange={e => setComment(e.target.value)}
          error={submitted && Boolean(commentError)}
          helperText={submitted && commentError}
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={sending}
        >
          Attest
        </Button>
      </DialogActions>
    </Dialog>
  );
}
