import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fill } from '../../__testUtils__/fill';
import { CommentDialog } from './CommentDialog';

function renderDialog(onSubmit: (comment: string) => Promise<void>) {
  const onClose = jest.fn();
  return renderInTestApp(
    <CommentDialog
      open
      title="Reject waiver"
      confirmLabel="Reject"
      commentRequired
      onSubmit={onSubmit}
      onClose={onClose}
    />,
  ).then(() => ({ onClose }));
}

jest.setTimeout(30_000);

describe('CommentDialog', () => {
  it('does not send without the required comment', async () => {
    const onSubmit = jest.fn();
    await renderDialog(onSubmit);
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(screen.getByText('Comment is required')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the trimmed comment and closes', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const { onClose } = await renderDialog(onSubmit);
    await fill(
      screen.getByRole('textbox', { name: /Comment/ }),
      '  Run the load test first ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('Run the load test first');
  });

  it("shows the server's message when the request is refused", async () => {
    const onSubmit = jest.fn().mockRejectedValue({
      message: 'Request failed with 403',
      body: {
        error: {
          message:
            'You requested this waiver; someone else must approve or reject it',
        },
      },
    });
    const { onClose } = await renderDialog(onSubmit);
    await fill(screen.getByRole('textbox', { name: /Comment/ }), 'ok');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You requested this waiver; someone else must approve or reject it',
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
