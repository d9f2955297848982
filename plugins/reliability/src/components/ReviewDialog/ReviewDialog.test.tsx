import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewDialog } from './ReviewDialog';
import { useDialogSubmit } from './useDialogSubmit';

interface HarnessProps {
  valid: boolean;
  send: () => Promise<string>;
  onSaved: (result: string) => void;
  onClose: () => void;
}

function Harness(props: HarnessProps) {
  const { submitted, sending, refusal, submit, close } = useDialogSubmit(props);
  return (
    <ReviewDialog
      id="harness-dialog"
      title="Sign off"
      intro="Say why."
      refusal={refusal}
      sending={sending}
      submitLabel="Sign off"
      onSubmit={submit}
      onClose={close}
    >
      {submitted && !props.valid && <p>Fix the fields</p>}
    </ReviewDialog>
  );
}

async function renderHarness(valid: boolean, send: () => Promise<string>) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  await renderInTestApp(
    <Harness valid={valid} send={send} onSaved={onSaved} onClose={onClose} />,
  );
  return { onSaved, onClose };
}

jest.setTimeout(30_000);

describe('ReviewDialog with useDialogSubmit', () => {
  it('labels the dialog with its title and shows the intro', async () => {
    await renderHarness(true, jest.fn());
    expect(
      screen.getByRole('dialog', { name: 'Sign off' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Say why.')).toBeInTheDocument();
  });

  it('does not send an invalid form and shows field errors', async () => {
    const send = jest.fn();
    const { onClose } = await renderHarness(false, send);
    expect(screen.queryByText('Fix the fields')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(screen.getByText('Fix the fields')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('disables submit while sending, then saves and closes', async () => {
    let resolve: (value: string) => void = () => {};
    const send = jest.fn(
      () =>
        new Promise<string>(r => {
          resolve = r;
        }),
    );
    const { onSaved, onClose } = await renderHarness(true, send);
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(screen.getByRole('button', { name: 'Sign off' })).toBeDisabled();
    expect(send).toHaveBeenCalledTimes(1);

    resolve('saved');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSaved).toHaveBeenCalledWith('saved');
  });

  it("keeps the dialog open with the server's refusal", async () => {
    const send = jest.fn().mockRejectedValue({
      message: 'Request failed with 409',
      body: { error: { message: 'Someone else changed this check' } },
    });
    const { onSaved, onClose } = await renderHarness(true, send);
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed this check',
    );
    expect(screen.getByRole('button', { name: 'Sign off' })).toBeEnabled();
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('forgets the refusal and field errors on Cancel, for the next opening', async () => {
    const send = jest.fn().mockRejectedValue(new Error('Gone'));
    const { onClose } = await renderHarness(true, send);
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Gone');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
