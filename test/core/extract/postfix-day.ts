/**
 * A day of Postfix log lines refused by Orange (OFR006_102), as `zstd` compressed them for the zstd37
 * fixtures (fixtures/extract/zstd37/SOURCES.md): the text those fixtures stand for, made again here so
 * that its 300 KB need not be committed.
 */
export function postfixDay(lines = 1000): string {
  let out = '';
  for (let n = 0; n < lines; n++) {
    const time = `${String(8 + Math.floor(n / 3600)).padStart(2, '0')}:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
    const queue = (0x3f2a1000 + n * 7919).toString(16).toUpperCase();
    const mx = 22 + (n % 4);
    out +=
      `Mar 15 ${time} mta1 postfix/smtp[${2000 + (n % 97)}]: ${queue}: to=<client${n}@orange.fr>, ` +
      `relay=smtp-in.orange.fr[193.252.22.${mx}]:25, delay=${(n % 13) / 10}, delays=0.01/0/0.${n % 9}/0.1, dsn=5.7.1, ` +
      `status=bounced (host smtp-in.orange.fr[193.252.22.${mx}] said: 550 5.7.1 mwinf5c${10 + (n % 80)} ME ` +
      `Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_102 ` +
      `Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.${1 + (n % 200)} [102] (in reply to end of DATA command))\n`;
  }
  return out;
}
