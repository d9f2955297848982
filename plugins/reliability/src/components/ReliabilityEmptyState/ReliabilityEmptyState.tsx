import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_TIER } from '@reliability-suite/plugin-reliability-common';

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    ${ANNOTATION_TIER}: "1"
    reliability/slo-ref: ./slos/checkout.yaml
    pagerduty.com/service-id: PABC123
  links:
    - url: https://runbooks.example.com/checkout
      title: Checkout runbook
      type: runbook
spec:
  type: service
  lifecycle: production
  owner: team-payments`;

export interface ReliabilityEmptyStateProps {
  /** `out-of-scope`: the policy does not cover the entity; `no-data`: no report exists for it. */
  reason: 'out-of-scope' | 'no-data';
}

/** Why there is nothing to show, and what an entity in scope declares. */
export function ReliabilityEmptyState(props: ReliabilityEmptyStateProps) {
  const title =
    props.reason === 'out-of-scope'
      ? 'Not covered by the reliability policy'
      : 'No reliability data yet';
  const description =
    props.reason === 'out-of-scope'
      ? 'The reliability policy covers Components of type service or website (unless your portal configured another scope). Set spec.type and describe the service with the reliability/ annotations to get a tier, SLOs, on-call, runbooks and a readiness score.'
      : 'The reliability backend has no report for this entity. It is evaluated on the next scheduled run; the tier comes from the reliability/tier annotation.';
  return (
    <EmptyState
      missing="info"
      title={title}
      description={description}
      action={
        <>
          <Typography variant="body1">
            Add the <code>{ANNOTATION_TIER}</code> annotation and the other
            reliability data to the entity’s <code>catalog-info.yaml</code>:
          </Typography>
          <CodeSnippet language="yaml" text={EXAMPLE} showLineNumbers />
        </>
      }
    />
  );
}
