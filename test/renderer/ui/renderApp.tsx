/** Renders the whole app against the fake API, the real core engine and the inline extraction runner. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/src/App';
import { coreEngine } from '../../../renderer/src/engine/engine';
import { type ExtractionRunner, inlineRunner } from '../../../renderer/src/engine/runner';
import { createFakeApi, type FakeApiOptions } from './fakeApi';

export function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test/fixtures/ui', name), 'latin1');
}

export function renderApp(options: FakeApiOptions & { runner?: ExtractionRunner } = {}) {
  const fake = createFakeApi(options);
  const user = userEvent.setup();
  const services = { api: fake.api, engine: coreEngine, runner: options.runner ?? inlineRunner(coreEngine) };
  const view = render(<App services={services} />);
  return { ...view, ...fake, user };
}
