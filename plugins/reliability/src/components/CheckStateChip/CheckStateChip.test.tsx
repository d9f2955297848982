import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { CHECK_STATES } from '@reliability-suite/plugin-reliability-common';
import { CheckStateChip } from './CheckStateChip';

describe('CheckStateChip', () => {
  it.each([
    ['pass', 'Pass'],
    ['warn', 'Warn'],
    ['fail', 'Fail'],
    ['unknown', 'Unknown'],
    ['not-applicable', 'Not applicable'],
    ['waived', 'Waived'],
  ] as const)(
    'labels %s as "%s" with an accessible description',
    async (state, label) => {
      await renderInTestApp(<CheckStateChip state={state} />);
      const chip = screen.getByLabelText(new RegExp(`^${label}: `));
      expect(chip).toHaveTextContent(label);
      expect(chip).toHaveAttribute('data-state', state);
      expect(chip.querySelector('svg')).not.toBeNull();
    },
  );

  it('gives all six states distinct labels, icons and colours', async () => {
    await renderInTestApp(
      <>
        {CHECK_STATES.map(state => (
          <CheckStateChip key={state} state={state} />
        ))}
      </>,
    );
    const chips = CHECK_STATES.map(
      state => document.querySelector(`[data-state="${state}"]`)!,
    );
    const labels = new Set(chips.map(chip => chip.textContent));
    const classNames = new Set(chips.map(chip => chip.className));
    const icons = new Set(
      chips.map(chip => chip.querySelector('svg')!.innerHTML),
    );
    expect(labels.size).toBe(6);
    expect(classNames.size).toBe(6);
    expect(icons.size).toBe(6);
  });

  it('says which state a waiver covers', async () => {
    await renderInTestApp(
      <CheckStateChip state="waived" underlyingState="fail" />,
    );
    expect(
      screen.getByLabelText(
        'Waived: An approved, unexpired waiver covers this check (otherwise fail)',
      ),
    ).toBeInTheDocument();
  });
});
