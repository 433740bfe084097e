/** Saves bytes or text as a file through the browser's download (Blob + `<a download>`). */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const JSON_MIME = 'application/json';

export function downloadFile(content: Uint8Array | string, fileName: string, mime: string): void {
  const part: BlobPart = typeof content === 'string' ? content : (content.slice() as Uint8Array<ArrayBuffer>);
  const blob = new Blob([part], { type: typeof content === 'string' ? `${mime};charset=utf-8` : mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
