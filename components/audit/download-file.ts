/**
 * Starts a download of `text` as the file `name` (made in the page's own origin; nothing leaves
 * the computer and nothing is published).
 */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Chromium before it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
