import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import type {
  CheckReviewState,
  WaiverWriteResponse,
} from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import {
  refusalMessage,
  validateComment,
  validateWaiverExpiry,
  waiverExpiryRange,
} from '../../lib/reviewForms';

export interface WaiverDialogProps {
  entityRef: CompoundEntityRef;
  /** The checks a waiver may be requested for. */
  checks: CheckReviewState[];
  /** Preselected check. */
  checkId?: string;
  maxDays: number;
  onClose: () => void;
  onSaved: (response: WaiverWriteResponse) => void;
}

/** Asks an approver to waive a check until a date, with a justification. */
export function WaiverDialog(props: WaiverDialogProps) {
  const { entityRef, checks, maxDays, onClose, onSaved } = props;
  const api = useApi(reliabilityApiRef);
  const range = waiverExpiryRange(maxDays);
  const [checkId, setCheckId] = useState(props.checkId ?? '');
  const [justification, setJustification] = useState('');
  const [expiresOn, setExpiresOn] = useState(
    DateTime.fromISO(range.min)
      .plus({ days: Math.min(29, maxDays - 2) })
      .toISODate()!,
  );
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const check = checks.find(c => c.checkId === checkId);
  const checkError = check ? undefined : 'Choose the check to waive';
  const justificationError = validateComment(justification, {
    required: true,
    what: 'A justification',
  });
  const expiryError = validateWaiverExpiry(expiresOn, maxDays);

  const submit = async () => {
    setSubmitted(true);
    if (!check || justificationError || expiryError) {
      return;
    }
    setSending(true);
    setRefusal(undefined);
    try {
      const response = await api.requestWaiver(entityRef, check.checkId, {
        justification: justification.trim(),
        expiresAt: expiresOn,
        expectedVersion: check.waiverVersion,
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
      aria-labelledby="waiver-dialog-title"
    >
      <DialogTitle id="waiver-dialog-title">Request a waiver</DialogTitle>
      <DialogContent>
        <DialogContentText>
          An approved waiver shows the check as waived until it expires, at most{' '}
          {maxDays} days from today. Say why the check cannot be met yet and
          what is planned.
        </DialogContentText>
        {refusal && (
          <Alert severity="error" role="alert">
            {refusal}
          </Alert>
        )}
        <TextField
          id="waiver-check"
          select
          label="Check"
          value={checkId}
          onChange={e => setCheckId(e.target.value)}
          error={submitted && Boolean(checkError)}
          helperText={submitted && checkError}
          required
          fullWidth
          margin="normal"
        >
          {checks.map(c => (
            <MenuItem key={c.checkId} value={c.checkId}>
              {c.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="waiver-justification"
          label="Justification"
          value={justification}
          onChange={e => setJustification(e.target.value)}
          error={submitted && Boolean(justificationError)}
          helperText={submitted && justificationError}
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
        />
        <TextField
          id="waiver-expires"
          label="Expires on"
          type="date"
          value={expiresOn}
          onChange={e => setExpiresOn(e.target.value)}
          error={submitted && Boolean(expiryError)}
          helperText={
            (submitted && expiryError) || `Until ${range.max} at most`
          }
          inputProps={{ min: range.min, max: range.max }}
          InputLabelProps={{ shrink: true }}
          required
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
          Request waiver
        </Button>
      </DialogActions>
    </Dialog>
  );
}
