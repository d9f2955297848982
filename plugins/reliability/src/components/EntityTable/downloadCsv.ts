export const CSV_FILENAME = 'reliability-entities.csv';

/** Saves a blob as a file through a temporary link, as browsers allow for downloads. */
export function saveBlob(blob: Blob, filename: string = CSV_FILENAME): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
