import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GateDecisionChip, VerdictChip } from './VerdictChip';

describe('VerdictChip', () => {
  it.each([
    ['ready', 'Ready'],
    ['ready-with-waivers', 'Ready with waivers'],
    ['not-ready', 'Not ready'],
  ] as const)('labels %s as "%s"', async (verdict, label) => {
    await renderInTestApp(<VerdictChip verdict={verdict} />);
    expect(screen.getByLabelText(`Verdict: ${label}`)).toHaveTextContent(label);
  });
});

describe('GateDecisionChip', () => {
  it.each([
    ['allow', 'Allow'],
    ['warn', 'Warn'],
    ['block', 'Block'],
  ] as const)('labels %s as "%s"', async (decision, label) => {
    await renderInTestApp(<GateDecisionChip decision={decision} />);
    expect(screen.getByLabelText(`Gate decision: ${label}`)).toHaveTextContent(
      label,
    );
  });
});
