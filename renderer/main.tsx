import { firstLoad } from './app/start-loading.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './ui/base.css';

/**
 * How long the first render waits for the first screen's data (asked for before this module was
 * evaluated; it is usually in by now). Rendering the shell with "Loading…" first costs a frame of
 * its own (layout and paint of the whole shell, 30 to 70 ms here) before the board's.
 */
const FIRST_DATA_WAIT_MS = 400;

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  const loaded = firstLoad.catch((error: unknown) => console.error('Voronka could not load the board:', error));
  void Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, FIRST_DATA_WAIT_MS))]).then(render);
}
