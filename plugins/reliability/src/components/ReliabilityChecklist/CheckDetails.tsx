import { Link } from '@backstage/core-components';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { CheckResult } from '@reliability-suite/plugin-reliability-common';
import { formatDate } from '../../lib/format';

/** States that need the reader to do something. */
export function needsFix(check: CheckResult): boolean {
  return check.state === 'fail' || check.state === 'unknown';
}

/** The message, and for a failing check why it matters and how to fix it; evidence when present. */
export function CheckDetails(props: { check: CheckResult }) {
  const { check } = props;
  const { attestation, waiver } = check;
  return (
    <>
      {check.message && (
        <Typography variant="body2" color="textSecondary">
          {check.message}
        </Typography>
      )}
      {needsFix(check) && check.rationale && (
        <Typography variant="body2">
          Why it matters: {check.rationale}
        </Typography>
      )}
      {needsFix(check) && check.howToFix && (
        <Typography variant="body2">How to fix: {check.howToFix}</Typography>
      )}
      {attestation && (
        <Typography variant="body2" data-testid={`attestation-${check.id}`}>
          Attested by{' '}
          <EntityDisplayName entityRef={attestation.attestedBy} hideIcon /> on{' '}
          {formatDate(attestation.attestedAt)}, valid until{' '}
          {formatDate(attestation.expiresAt)}
          {attestation.comment && `: “${attestation.comment}”`}{' '}
          <Link to={attestation.evidenceUrl}>Evidence</Link>
        </Typography>
      )}
      {waiver && (
        <Typography variant="body2" data-testid={`waiver-${check.id}`}>
          Waiver requested by{' '}
          <EntityDisplayName entityRef={waiver.requestedBy} hideIcon />
          {waiver.decidedBy && (
            <>
              , approved by{' '}
              <EntityDisplayName entityRef={waiver.decidedBy} hideIcon />
            </>
          )}
          , until {formatDate(waiver.expiresAt)}: “{waiver.justification}”
        </Typography>
      )}
    </>
  );
}
