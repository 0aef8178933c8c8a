/**
 * What the components receive from outside: the preload API (or a fake in tests), the core engine and
 * the extraction runner. Components never touch `window.api` themselves.
 */
import { createContext, type ReactNode, useContext } from 'react';
import type { Api } from '../../../electron/contract';
import type { ExtractionRunner } from '../engine/runner';
import type { Engine } from '../engine/types';

export interface Services {
  api: Api;
  engine: Engine;
  runner: ExtractionRunner;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export const useApi = () => useServices().api;
