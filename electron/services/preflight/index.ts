export { createNodeDnsLookup, fromNodeError, type ResolverLike } from './node-dns';
export { createPreflightService, type PreflightService, type PreflightServiceOptions } from './service';
