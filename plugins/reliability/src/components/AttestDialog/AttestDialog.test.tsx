import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fill } from '../../__testUtils__/fill';
import { checkoutEntity } from '../../__fixtures__/entities';
import { capacityReviewState } from '../../__fixtures__/reviewState';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { AttestDialog } from './AttestDialog';

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

async function renderDialog(api = mockReliabilityApi()) {
  const onClose = jest.fn();
  const onSaved = jest.fn();
  const { alertApi } = await renderForEntity(
    <AttestDialog
      entityRef={ref}
      check={capacityReviewState}
      onClose={onClose}
      onSaved={onSaved}
    />,
    { entity: checkoutEntity, api },
  );
  return { api, onClose, onSaved, alertApi };
}

jest.setTimeout(30_000);

describe('AttestDialog', () => {
  it('explains the validity and refuses invalid input before sending', async () => {
    const { api } = await renderDialog();
    expect(screen.getByText(/valid for 180 days/)).toBeInTheDocument();

    await fill(
      screen.getByRole('textbox', { name: /Evidence URL/ }),
      'ftp://files.example.com/capacity.xlsx',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));
    expect(
      screen.getByText('The evidence must be an http(s) link'),
    ).toBeInTheDocument();
    expect(screen.getByText('A comment is required')).toBeInTheDocument();
    expect(api.attest).not.toHaveBeenCalled();
  });

  it('sends the evidence with the version it was based on', async () => {
    const api = mockReliabilityApi();
    const response = { attestation: { id: 'a' }, report: null };
    api.attest.mockResolvedValue(response as any);
    const { onClose, onSaved, alertApi } = await renderDialog(api);

    await fill(
      screen.getByRole('textbox', { name: /Evidence URL/ }),
      'https://docs.example.com/capacity-2026',
    );
    await fill(
      screen.getByRole('textbox', { name: /Comment/ }),
      'Headroom 40% at peak',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(response));
    expect(onClose).toHaveBeenCalled();
    expect(api.attest).toHaveBeenCalledWith(ref, 'capacity-review', {
      evidenceUrl: 'https://docs.example.com/capacity-2026',
      comment: 'Headroom 40% at peak',
      expectedVersion: 0,
    });
    expect(alertApi.post).toHaveBeenCalledWith({
      message:
        'Attested Capacity review: the check passes until the attestation expires.',
      severity: 'success',
      display: 'transient',
    });
  });

  it("shows the server's message when the attestation is refused", async () => {
    const api = mockReliabilityApi();
    api.attest.mockRejectedValue({
      body: {
        error: {
          message:
            'The attestation of capacity-review changed meanwhile: expectedVersion 0 is stale, the current version is 1; reload and retry',
        },
      },
    });
    const { onClose } = await renderDialog(api);
    await fill(
      screen.getByRole('textbox', { name: /Evidence URL/ }),
      'https://docs.example.com/capacity',
    );
    await fill(screen.getByRole('textbox', { name: /Comment/ }), 'ok');
    await userEvent.click(screen.getByRole('button', { name: 'Attest' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /expectedVersion 0 is stale/,
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
