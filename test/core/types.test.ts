import type { Incident } from '../../core/types';

describe('core types', () => {
  it('an incident is plain, JSON-serialisable data', () => {
    const incident: Incident = {
      occurredAt: null,
      sendingIps: [],
      sendingHosts: [],
      sendingDomain: null,
      recipientDomain: null,
      remoteHost: null,
      remoteIp: null,
      reply: { code: 550, enhanced: null, text: '550 example' },
      orange: null,
      isOrange: false,
      format: 'smtp-reply',
      sources: {},
      assumptions: [],
      trigger: null,
    };
    expect(JSON.parse(JSON.stringify(incident))).toEqual(incident);
  });
});
