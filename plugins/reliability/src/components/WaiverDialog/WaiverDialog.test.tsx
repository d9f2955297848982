import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { checkoutEntity } from '../../__fixtures__/entities';
import {
  capacityReviewState,
  loadTestState,
} from '../../__fixtures__/reviewState';
import { fill } from '../../__testUtils__/fill';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { WaiverDialog } from './WaiverDialog';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

async function renderDialog(api = mockReliabilityApi(), maxDays = 180) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  await renderForEntity(
    <WaiverDialog
      entityRef={ref}
      checks={[loadTestState, capacityReviewState]}
      checkId="capacity-review"
      maxDays={maxDays}
      onClose={onClose}
      onSaved={onSaved}
    />,
    { entity: checkoutEntity, api },
  );
  return { api, onSaved, onClose };
}

function setExpiry(value: string) {
  fireEvent.change(screen.getByLabelText(/Expires on/), {
    target: { value },
  });
}

describe('WaiverDialog', () => {
  it('refuses a missing justification and an expiry beyond the maximum', async () => {
    const { api } = await renderDialog(undefined, 30);
    const tooLate = DateTime.utc().plus({ days: 45 }).toISODate()!;
    setExpiry(tooLate);
    await userEvent.click(
      screen.getByRole('button', { name: 'Request waiver' }),
    );
    expect(screen.getByText('A justification is required')).toBeInTheDocument();
    expect(
      screen.getByText(/A waiver may last at most 30 days/),
    ).toBeInTheDocument();
    expect(api.requestWaiver).not.toHaveBeenCalled();
  });

  it('refuses an expiry in the past', async () => {
    const { api } = await renderDialog();
    await fill(
      screen.getByRole('textbox', { name: /Justification/ }),
      'Capacity model pending',
    );
    setExpiry('2020-01-01');
    await userEvent.click(
      screen.getByRole('button', { name: 'Request waiver' }),
    );
    expect(
      screen.getByText('The expiry must be in the future'),
    ).toBeInTheDocument();
    expect(api.requestWaiver).not.toHaveBeenCalled();
  });

  it('requests the waiver for the chosen check with its waiver version', async () => {
    const api = mockReliabilityApi();
    api.requestWaiver.mockResolvedValue({ waiver: {}, report: null } as any);
    const { onSaved } = await renderDialog(api);
    const expiry = DateTime.utc().plus({ days: 20 }).toISODate()!;
    await fill(
      screen.getByRole('textbox', { name: /Justification/ }),
      'Capacity model pending the new traffic forecast',
    );
    setExpiry(expiry);
    await userEvent.click(
      screen.getByRole('button', { name: 'Request waiver' }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.requestWaiver).toHaveBeenCalledWith(ref, 'capacity-review', {
      justification: 'Capacity model pending the new traffic forecast',
      expiresAt: expiry,
      expectedVersion: 0,
    });
  });

  it("shows the server's refusal", async () => {
    const api = mockReliabilityApi();
    api.requestWaiver.mockRejectedValue({
      body: {
        error: {
          message:
            'A waiver for capacity-review is already awaiting approval; approve or reject it first',
        },
      },
    });
    await renderDialog(api);
    await fill(screen.getByRole('textbox', { name: /Justification/ }), 'x');
    await userEvent.click(
      screen.getByRole('button', { name: 'Request waiver' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /already awaiting approval/,
    );
  });
});
