/**
 * Offers bytes or text to the reader as a file download (an object URL clicked through a
 * temporary link). The URL is revoked a minute later: revoking at once can cancel the download
 * in some browsers before it has read the data.
 */
export function saveFile(data: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
