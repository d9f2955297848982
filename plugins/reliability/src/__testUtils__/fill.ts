import userEvent from '@testing-library/user-event';

/** Types into a field by pasting: key-by-key typing is too slow for long texts on busy CI. */
export async function fill(element: HTMLElement, text: string): Promise<void> {
  await userEvent.click(element);
  await userEvent.paste(text);
}
