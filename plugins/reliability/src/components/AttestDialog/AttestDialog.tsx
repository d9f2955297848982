import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import type {
  AttestationWriteResponse,
  CheckReviewState,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import { validateComment, validateEvidenceUrl } from '../../lib/reviewForms';
import { ReviewDialog, useDialogSubmit } from '../ReviewDialog';

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

  const urlError = validateEvidenceUrl(evidenceUrl);
  const commentError = validateComment(comment, { required: true });

  const { submitted, sending, refusal, submit } = useDialogSubmit({
    valid: !urlError && !commentError,
    send: () =>
      api.attest(entityRef, check.checkId, {
        evidenceUrl: evidenceUrl.trim(),
        comment: comment.trim(),
        expectedVersion: check.attestationVersion,
      }),
    onSaved,
    onClose,
    successMessage: `Attested ${check.title}: the check passes until the attestation expires.`,
  });

  return (
    <ReviewDialog
      id="attest-dialog"
      title={<>Attest: {check.title}</>}
      intro={
        <>
          Link the evidence and say what was done. The attestation is valid for{' '}
          {check.validityDays ?? 365} days; it is recorded with your name and
          today's date.
        </>
      }
      refusal={refusal}
      sending={sending}
      submitLabel="Attest"
      onSubmit={submit}
      onClose={onClose}
    >
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
    </ReviewDialog>
  );
}
