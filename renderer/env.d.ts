/// <reference types="vite/client" />
import type { VoronkaApi } from '../shared/ipc/contract.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one function per IPC channel. Absent in the browser harness. */
    voronka?: VoronkaApi;
  }
}

export {};
