/// <reference types="vite/client" />
import type { VoronkaBridge } from '../shared/ipc/contract.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one function per IPC channel and onEvent. Absent in the browser harness. */
    voronka?: VoronkaBridge;
  }
}

export {};
