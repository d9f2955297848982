import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type {
  CheckReviewState,
  WaiverWriteResponse,
} from '@reliability-suite/plugin-reliability-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import {
  validateComment,
  validateWaiverExpiry,
  waiverExpiryRange,
} from '../../lib/reviewForms';
import { ReviewDialog, useDialogSubmit } from '../ReviewDialog';

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

  const check = checks.find(c => c.checkId === checkId);
  const checkError = check ? undefined : 'Choose the check to waive';
  const justificationError = validateComment(justification, {
    required: true,
    what: 'A justification',
  });
  const expiryError = validateWaiverExpiry(expiresOn, maxDays);

  const { submitted, sending, refusal, submit } = useDialogSubmit({
    valid: Boolean(check) && !justificationError && !expiryError,
    // Only sent when valid, which requires a chosen check.
    send: () =>
      api.requestWaiver(entityRef, check!.checkId, {
        justification: justification.trim(),
        expiresAt: expiresOn,
        expectedVersion: check!.waiverVersion,
      }),
    onSaved,
    onClose,
    successMessage: () =>
      `Requested a waiver of ${check?.title}: an approver decides on it.`,
  });

  return (
    <ReviewDialog
      id="waiver-dialog"
      title="Request a waiver"
      intro={
        <>
          An approved waiver shows the check as waived until it expires, at most{' '}
          {maxDays} days from today. Say why the check cannot be met yet and
          what is planned.
        </>
      }
      refusal={refusal}
      sending={sending}
      submitLabel="Request waiver"
      onSubmit={submit}
      onClose={onClose}
    >
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
        helperText={(submitted && expiryError) || `Until ${range.max} at most`}
        inputProps={{ min: range.min, max: range.max }}
        InputLabelProps={{ shrink: true }}
        required
        fullWidth
        margin="normal"
      />
    </ReviewDialog>
  );
}
