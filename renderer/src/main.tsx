import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { coreEngine } from './engine/engine';
import { inlineRunner, sizedRunner, workerRunner } from './engine/runner';
import './styles/theme.css';
import './styles/app.css';

const makeWorker = () =>
  new Worker(new URL('./workers/extract.worker.ts', import.meta.url), { type: 'module', name: 'extract' });

const services = {
  api: window.api,
  engine: coreEngine,
  runner: sizedRunner(inlineRunner(coreEngine), workerRunner(makeWorker)),
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
