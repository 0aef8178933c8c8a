/**
 * The advice cut into steps for the app (one paragraph each): the summary is the steps run together, byte
 * for byte, so the CLI and the JSON say what they said; a 999 with its trigger is six steps, not one.
 */
import { advise, adviseInSteps } from '../../../core/orange/advice';
import { incidentForReason } from './make-incident';

const blocked102 =
  '550 mwinf5c11 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.25 [102]';
const suspended = () =>
  incidentForReason(999, {
    sendingIps: ['209.85.128.52'],
    trigger: {
      line: 12,
      text: blocked102,
      occurredAt: '2019-12-16T21:58:02+01:00',
      token: 'OFR006_102',
      reason: 102,
    },
  });

describe('adviseInSteps', () => {
  it('cuts a 999’s advice into what it means, what to do, how long, its trigger and that error’s advice', () => {
    const { steps } = adviseInSteps(suspended());
    expect(steps.map((step) => step.en.slice(0, 32))).toEqual([
      'IP temporarily suspended (code 9',
      'Pause sending from this IP, find',
      'How long: 2 hours without sendin',
      'Earlier error that most likely t',
      'For that error: IP blocked by Cl',
      'Fix the cause, then file a reset',
    ]);
    expect(steps[4]?.fr).toMatch(/^Pour cette erreur\u00a0: adresse IP bloquée par Cloudmark \(code 102\)\./);
  });

  it.each([999, 102, 103, 104, 536, 988, 416])(
    'runs its steps together into the summary of reason %i',
    (reason) => {
      for (const incident of [incidentForReason(reason), suspended()]) {
        const stepped = adviseInSteps(incident);
        const { steps, ...advice } = stepped;
        expect(advice).toEqual(advise(incident));
        expect(steps.map((s) => s.fr).join(' ')).toBe(advice.summary.fr);
        expect(steps.map((s) => s.en).join(' ')).toBe(advice.summary.en);
      }
    },
  );

  it('keeps the advice without a knowledge-base entry in one step', () => {
    const unknown = incidentForReason(777);
    expect(adviseInSteps(unknown).steps).toEqual([advise(unknown).summary]);
  });
});
