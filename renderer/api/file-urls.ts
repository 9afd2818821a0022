/** The harness's address of a finished file (an attachment): GET /download/<id>?token=<token>. */
export function harnessDownloadUrl(origin: string, downloadId: string, token: string | null): string {
  return `${origin}/download/${encodeURIComponent(downloadId)}?token=${encodeURIComponent(token ?? '')}`;
}

/** Headers of POST /upload: the token, and the file's name (encodeURIComponent: headers are Latin-1). */
export function uploadHeaders(token: string | null, fileName: string): Record<string, string> {
  return { 'x-voronka-token': token ?? '', 'x-file-name': encodeURIComponent(fileName), 'content-type': 'application/octet-stream' };
}
