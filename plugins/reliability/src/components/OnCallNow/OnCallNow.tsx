import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  OnCallInfo,
  OnCallPerson,
} from '@reliability-suite/plugin-reliability-common';
import { formatUtcDateTime } from '../../lib/format';

const PROVIDER_LABELS: Record<OnCallInfo['provider'], string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  'splunk-on-call': 'Splunk On-Call',
  other: 'Rotation',
};

/** A person on call: display name, contact email, and until when. */
export function OnCallPersonLine(props: { person: OnCallPerson }) {
  const { person } = props;
  return (
    <>
      <strong>{person.name}</strong>
      {person.email && (
        <>
          {' '}
          (<Link to={`mailto:${person.email}`}>{person.email}</Link>)
        </>
      )}
      {person.until
        ? ` until ${formatUtcDateTime(person.until)}`
        : ' (no handoff in sight)'}
    </>
  );
}

/** The key as written, linked to the provider where a link is known. */
function Reference(props: { oncall: OnCallInfo }) {
  const { oncall } = props;
  const url = oncall.live?.target?.url ?? oncall.url;
  const label = `${PROVIDER_LABELS[oncall.provider]}: ${oncall.reference}`;
  return url ? <Link to={url}>{label}</Link> : <>{label}</>;
}

export interface OnCallNowProps {
  oncall: OnCallInfo | null;
}

/**
 * Who is on call now (the first escalation level) and until when, from the report's live
 * on-call data; the key alone when nothing could be asked.
 */
export function OnCallNow(props: OnCallNowProps) {
  const { oncall } = props;
  if (!oncall) {
    return (
      <Typography variant="body2" color="textSecondary">
        No on-call rotation. Add a PagerDuty, Opsgenie or Splunk On-Call
        annotation, or <code>reliability/oncall-rotation</code>.
      </Typography>
    );
  }
  const live = oncall.live;
  if (!live) {
    return (
      <Typography variant="body2">
        <Reference oncall={oncall} />
      </Typography>
    );
  }
  if (live.state !== 'ok') {
    return (
      <>
        <Typography variant="body2">
          <Reference oncall={oncall} />
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {live.state === 'unavailable'
            ? `Who is on call could not be read: ${live.reason ?? 'no answer'}.`
            : `Not connected: ${live.reason ?? 'no provider configured'}.`}
        </Typography>
      </>
    );
  }
  if (live.target && !live.target.exists) {
    return (
      <>
        <Typography variant="body2">
          <Reference oncall={oncall} />
        </Typography>
        <Typography variant="body2" color="error">
          This on-call target does not exist at the provider.
        </Typography>
      </>
    );
  }
  const first = live.levels[0]?.onCall ?? [];
  return (
    <>
      {first.length === 0 ? (
        <Typography variant="body2" color="error">
          Nobody is on call right now.
        </Typography>
      ) : (
        first.map(person => (
          <Typography variant="body2" key={person.ref ?? person.name}>
            On call now: <OnCallPersonLine person={person} />
          </Typography>
        ))
      )}
      <Typography variant="body2" color="textSecondary">
        <Reference oncall={oncall} />
      </Typography>
    </>
  );
}
