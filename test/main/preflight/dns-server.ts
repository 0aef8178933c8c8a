/**
 * A DNS server on 127.0.0.1 (UDP, random port) that answers from a zone the test defines, for the
 * pre-flight tests and the end-to-end test. Names not in the zone get NXDOMAIN; a name without the asked
 * type gets an empty NOERROR answer (NODATA); an entry can instead answer SERVFAIL or REFUSED, or never
 * answer at all (to exercise timeouts). Every question is logged in `queries`.
 *
 *   const dns = await startTestDnsServer({ 'example.com': { TXT: ['v=spf1 -all'] } });
 *   createPreflightService({ servers: [dns.server], timeoutMs: 1000 });
 *   await dns.close();
 */
import dns2 from 'dns2';

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  /** One string per record; an array of strings is one record made of several character-strings. */
  TXT?: (string | string[])[];
  MX?: { priority: number; exchange: string }[];
  PTR?: string[];
  rcode?: 'SERVFAIL' | 'REFUSED';
  /** Never answer questions about this name. */
  silent?: boolean;
}

export type TestZone = Record<string, ZoneEntry>;

export interface TestDnsServer {
  /** "127.0.0.1:PORT", for Resolver#setServers. */
  server: string;
  port: number;
  queries: { name: string; type: string }[];
  close(): Promise<void>;
}

const { Packet } = dns2;
const RCODE = { NXDOMAIN: 3, SERVFAIL: 2, REFUSED: 5 } as const;
const TYPE_NAMES = Object.fromEntries(Object.entries(Packet.TYPE).map(([name, code]) => [code, name]));

const normalize = (name: string) => name.toLowerCase().replace(/\.$/, '');

export interface TestDnsOptions {
  /** Never answer anything (a server that is up but mute). */
  silent?: boolean;
}

export async function startTestDnsServer(
  zone: TestZone,
  options: TestDnsOptions = {},
): Promise<TestDnsServer> {
  const entries = new Map(Object.entries(zone).map(([name, entry]) => [normalize(name), entry]));
  const queries: TestDnsServer['queries'] = [];
  const server = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0];
      if (!question) return;
      const name = normalize(question.name);
      const type = TYPE_NAMES[question.type] ?? String(question.type);
      queries.push({ name, type });
      const entry = entries.get(name);
      if (options.silent || entry?.silent) return;
      if (!entry) response.header.rcode = RCODE.NXDOMAIN;
      else if (entry.rcode) response.header.rcode = RCODE[entry.rcode];
      else {
        const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
        if (type === 'A')
          for (const address of entry.A ?? [])
            response.answers.push({ ...base, type: Packet.TYPE.A, address });
        if (type === 'AAAA')
          for (const address of entry.AAAA ?? [])
            response.answers.push({ ...base, type: Packet.TYPE.AAAA, address });
        if (type === 'TXT')
          for (const data of entry.TXT ?? []) response.answers.push({ ...base, type: Packet.TYPE.TXT, data });
        if (type === 'MX')
          for (const mx of entry.MX ?? []) response.answers.push({ ...base, type: Packet.TYPE.MX, ...mx });
        if (type === 'PTR')
          for (const domain of entry.PTR ?? [])
            response.answers.push({ ...base, type: Packet.TYPE.PTR, domain });
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1', type: 'udp4' } });
  const port = addresses.udp?.port;
  if (!port) throw new Error('the test DNS server did not get a port');
  return { server: `127.0.0.1:${port}`, port, queries, close: () => server.close() };
}
