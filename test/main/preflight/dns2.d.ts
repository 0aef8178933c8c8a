/** The small part of the untyped `dns2` package (v2) the test DNS server uses. */
declare module 'dns2' {
  interface Question {
    name: string;
    type: number;
  }
  interface Packet {
    header: { id: number; rcode: number };
    questions: Question[];
    answers: Record<string, unknown>[];
  }
  interface PacketStatic {
    TYPE: Record<'A' | 'AAAA' | 'TXT' | 'MX' | 'PTR' | 'CNAME', number>;
    CLASS: { IN: number };
    createResponseFromRequest(request: Packet): Packet;
  }
  interface DnsServer {
    listen(options: {
      udp?: { port: number; address: string; type?: 'udp4' | 'udp6' };
    }): Promise<{ udp?: { port: number } }>;
    close(): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): DnsServer;
  }
  const dns2: {
    Packet: PacketStatic;
    createServer(options: {
      udp?: boolean;
      handle(request: Packet, send: (response: Packet) => void, rinfo: unknown): void;
    }): DnsServer;
  };
  export default dns2;
}
