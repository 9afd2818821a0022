import type { FileRef } from '../../shared/domain/csv-transfer.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { harnessDownloadUrl, uploadHeaders } from './file-urls.ts';
import { harnessToken } from './index.ts';
import { asResult } from './transports.ts';

/**
 * Files in and out of main. In Electron main shows the OS dialogs itself (`files.openImport`, and
 * the save dialogs of `export.start` / `imports.rejectedCsv`), so the page never sees a path. In a
 * browser the harness takes an upload (POST /upload) and hands finished files out as downloads.
 */
export const inElectron = (): boolean => Boolean(window.voronka);

export interface Upload {
  done: Promise<Result<FileRef>>;
  abort(): void;
}

/** Uploads a file to the harness with progress (XMLHttpRequest: fetch reports no upload progress). */
export function uploadFile(file: File, onProgress: (loaded: number, total: number) => void): Upload {
  const request = new XMLHttpRequest();
  const done = new Promise<Result<FileRef>>((resolve) => {
    request.open('POST', `${window.location.origin}/upload`);
    for (const [name, value] of Object.entries(uploadHeaders(harnessToken, file.name))) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        resolve({ ok: false, error: { code: 'internal', message: `Voronka answered the upload with an unreadable response (HTTP ${request.status}).` } });
        return;
      }
      resolve(asResult(body) as Result<FileRef>);
    };
    request.onerror = () => resolve({ ok: false, error: { code: 'internal', message: 'The upload did not reach Voronka. Is it still running?' } });
    request.onabort = () => resolve({ ok: false, error: { code: 'conflict', message: 'Upload cancelled.' } });
    request.send(file);
  });
  return { done, abort: () => request.abort() };
}

/** Saves a finished harness file through the browser's download (an <a download> click, no new window). */
export function downloadFromHarness(downloadId: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = harnessDownloadUrl(window.location.origin, downloadId, harnessToken);
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
