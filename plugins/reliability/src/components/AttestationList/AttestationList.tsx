import type { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  CheckResult,
  CheckReviewState,
  ReviewActions,
} from '@reliability-suite/plugin-reliability-common';
import { useState } from 'react';
import { reliabilityApiRef } from '../../api';
import { formatDate } from '../../lib/format';
import { AttestDialog } from '../AttestDialog';
import { CheckStateChip } from '../CheckStateChip';
import { CommentDialog } from '../CommentDialog';
import { WaiverDialog } from '../WaiverDialog';
import { useReadableStyles } from '../../lib/readableStyles';

export interface AttestationListProps {
  entityRef: CompoundEntityRef;
  /** The attested checks' review state. */
  checks: CheckReviewState[];
  /** The report's checks, for the current state of each. */
  results: CheckResult[];
  allowed: Pick<
    ReviewActions,
    'attest' | 'revokeAttestation' | 'requestWaiver'
  >;
  maxWaiverDays: number;
  /** Called after any write, to reload the report and the review state. */
  onChanged: () => void;
  now?: Date;
}

type OpenDialog =
  | { kind: 'attest' | 'revoke' | 'waiver'; check: CheckReviewState }
  | undefined;

/** Every attested check with its evidence, attester, date and expiry, and the owner's actions. */
export function AttestationList(props: AttestationListProps) {
  const readable = useReadableStyles();
  const { entityRef, checks, results, allowed, maxWaiverDays, onChanged } =
    props;
  const api = useApi(reliabilityApiRef);
  const [dialog, setDialog] = useState<OpenDialog>();
  const now = (props.now ?? new Date()).toISOString();

  if (checks.length === 0) {
    return (
      <Typography color="textSecondary">
        The policy has no attested checks.
      </Typography>
    );
  }

  return (
    <>
      <TableContainer>
        <Table
          size="small"
          className={readable.table}
          aria-label="Attested checks"
        >
          <TableHead>
            <TableRow>
              <TableCell>Check</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Evidence</TableCell>
              <TableCell>Attested</TableCell>
              <TableCell>Expires</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {checks.map(check => {
              const result = results.find(r => r.id === check.checkId);
              const attestation = check.attestation;
              const expired = attestation && attestation.expiresAt <= now;
              // One request at a time: a pending one is shown instead of asking again.
              const pendingWaiver = check.waivers.find(
                waiver => waiver.status === 'requested',
              );
              return (
                <TableRow
                  key={check.checkId}
                  data-testid={`attested-${check.checkId}`}
                >
                  <TableCell>{check.title}</TableCell>
                  <TableCell>
                    {result && (
                      <CheckStateChip
                        state={result.state}
                        underlyingState={result.underlyingState}
                        size="small"
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    {attestation ? (
                      <>
                        <Link to={attestation.evidenceUrl}>Evidence</Link>
                        {attestation.comment && (
                          <Typography variant="body2" color="textSecondary">
                            {attestation.comment}
                          </Typography>
                        )}
                      </>
                    ) : (
                      <Typography variant="body2" color="textSecondary">
                        Not attested
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {attestation && (
                      <>
                        <EntityDisplayName
                          entityRef={attestation.attestedBy}
                          hideIcon
                        />
                        , {formatDate(attestation.attestedAt)}
                      </>
                    )}
                  </TableCell>
                  <TableCell>
                    {attestation && formatDate(attestation.expiresAt)}
                    {expired && (
                      <Chip
                        size="small"
                        label="Expired"
                        color="secondary"
                        style={{ marginLeft: 8 }}
                      />
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {pendingWaiver && (
                      <Chip
                        size="small"
                        variant="outlined"
                        label="Waiver awaiting approval"
                        data-testid={`pending-waiver-${check.checkId}`}
                      />
                    )}
                    {allowed.attest && (
                      <Button
                        size="small"
                        onClick={() => setDialog({ kind: 'attest', check })}
                      >
                        {attestation ? 'Re-attest' : 'Attest'}
                      </Button>
                    )}
                    {allowed.revokeAttestation && attestation && (
                      <Button
                        size="small"
                        onClick={() => setDialog({ kind: 'revoke', check })}
                      >
                        Revoke
                      </Button>
                    )}
                    {allowed.requestWaiver && !pendingWaiver && (
                      <Button
                        size="small"
                        onClick={() => setDialog({ kind: 'waiver', check })}
                      >
                        Request waiver
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {!allowed.attest && !allowed.requestWaiver && (
        <Typography variant="body2" color="textSecondary">
          Only members of the team that owns this entity attest checks or
          request waivers.
        </Typography>
      )}
      {dialog?.kind === 'attest' && (
        <AttestDialog
          entityRef={entityRef}
          check={dialog.check}
          onClose={() => setDialog(undefined)}
          onSaved={onChanged}
        />
      )}
      {dialog?.kind === 'waiver' && (
        <WaiverDialog
          entityRef={entityRef}
          checks={checks}
          checkId={dialog.check.checkId}
          maxDays={maxWaiverDays}
          onClose={() => setDialog(undefined)}
          onSaved={onChanged}
        />
      )}
      <CommentDialog
        open={dialog?.kind === 'revoke'}
        title={`Revoke the attestation of ${dialog?.check.title ?? ''}`}
        description="The check fails again until someone attests it anew. The revoked attestation stays in the history."
        confirmLabel="Revoke"
        successMessage={`Revoked the attestation of ${
          dialog?.check.title ?? ''
        }.`}
        commentRequired={false}
        onClose={() => setDialog(undefined)}
        onSubmit={async comment => {
          const check = dialog!.check;
          await api.revokeAttestation(entityRef, check.checkId, {
            comment: comment || undefined,
            expectedVersion: check.attestationVersion,
          });
          onChanged();
        }}
      />
    </>
  );
}
