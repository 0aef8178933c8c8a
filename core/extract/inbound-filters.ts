/**
 * Filtering services a recipient puts in front of its own mail servers (its MX records name them):
 * they take the message in from the sender, then hand it to the recipient's servers. In a copy that a
 * recipient's server returned, the hop into that server comes from the service, not from the sender;
 * the sender's hop is the one into the service, below it. Registrable domains of the services' inbound
 * hosts, as their MX names show them (Hornetsecurity's `mx-gate81-hz2.hornetsecurity.com` and
 * `hsmx05.antispameurope.com`, Mimecast's `eu-smtp-inbound-1.mimecast.com`, Proofpoint's
 * `mx0a-001b2d01.pphosted.com`, Cisco's `esa1.example.iphmx.com`, Barracuda's
 * `d123.ess.barracudanetworks.com`, `mx-inbound22-1.eu-west-2b.ess.aws.cudaops.com` and (handing it on)
 * `egress-ip15b.ess.uk.barracuda.com`, Trend Micro's `example.in.tmes.trendmicro.eu`, Sophos's
 * `mx-01-eu-central-1.prod.hydra.sophos.com`, Symantec's `cluster1.eu.messagelabs.com`, Forcepoint's
 * `cluster-a.mailcontrol.com`, McAfee's `p02c12m081.mxlogic.net`, SpamExperts' `mx.antispamcloud.com`).
 */
import { getDomain } from 'tldts';

const SERVICES = new Set([
  'hornetsecurity.com',
  'antispameurope.com',
  'mimecast.com',
  'mimecast-offshore.com',
  'pphosted.com',
  'ppe-hosted.com',
  'iphmx.com',
  'barracudanetworks.com',
  'barracuda.com',
  'cudaops.com',
  'trendmicro.eu',
  'trendmicro.com',
  'sophos.com',
  'messagelabs.com',
  'mailcontrol.com',
  'mxlogic.net',
  'antispamcloud.com',
]);

/** True when `host` is an inbound host of a filtering service (see above). */
export function isInboundFilterHost(host: string | null | undefined): boolean {
  if (!host?.includes('.')) return false;
  const domain = getDomain(host);
  return domain !== null && SERVICES.has(domain);
}
