/**
 * Writes the `.msg` fixtures of test/fixtures/extract/msg32/ (run: `npx tsx
 * test/core/extract/outlook-msg/make-fixtures.ts`); outlook-msg-fixtures.test.ts checks the committed
 * files are what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMsg, type MsgObject, TAG } from './build-msg';

const BOUNCE = `This is the mail system at host mta2.lettres-ventes.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<m.leroy@orange.fr>: host smtp-in.orange.fr[193.252.22.84] said: 550 mwinf5c20
    ME Adresse IP source bloquee par Orange. Client host blocked by Orange.
    OFR006_103 198.51.100.23 [103] (in reply to MAIL FROM command)
`;

/** A postmaster's Outlook forward of a Postfix bounce, saved as `.msg` by the desk. */
export const forwardedBounce: MsgObject = {
  props: {
    [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' },
    [TAG.SUBJECT]: { unicode: 'TR: Undelivered Mail Returned to Sender' },
    [TAG.TRANSPORT_HEADERS]: {
      unicode: [
        'Received: from PR3P191MB1234.EURP191.PROD.OUTLOOK.COM (2603:10a6:102:1d2::9) by',
        ' PR3P191MB5678.EURP191.PROD.OUTLOOK.COM with HTTPS; Sat, 5 Dec 2026 08:31:48 +0000',
        'From: Postmaster <postmaster@boutique-durand.example>',
        'To: "support@hebergeur-exemple.example" <support@hebergeur-exemple.example>',
        'Subject: TR: Undelivered Mail Returned to Sender',
        'Date: Sat, 5 Dec 2026 08:31:47 +0000',
        'Message-ID: <PR3P191MB1234AB@PR3P191MB1234.EURP191.PROD.OUTLOOK.COM>',
        'Content-Language: fr-FR',
        'Content-Type: multipart/alternative;',
        '\tboundary="_000_PR3P191MB1234AB_"',
        'MIME-Version: 1.0',
        '',
        '',
      ].join('\r\n'),
    },
    [TAG.MESSAGE_CODEPAGE]: { long: 65001 },
    [TAG.BODY]: {
      unicode: [
        'Bonjour,',
        '',
        'Voici le rebond reçu par Mme Durand hier.',
        '',
        "-----Message d'origine-----",
        'De : Mail Delivery System <MAILER-DAEMON@mta2.lettres-ventes.example>',
        'Envoyé : vendredi 4 décembre 2026 10:12',
        'À : contact@boutique-durand.example',
        'Objet : Undelivered Mail Returned to Sender',
        '',
        BOUNCE,
      ].join('\r\n'),
    },
  },
  recipients: [
    {
      props: {
        [TAG.DISPLAY_NAME]: { unicode: 'support@hebergeur-exemple.example' },
        [TAG.ADDRESS_TYPE]: { unicode: 'SMTP' },
        [TAG.EMAIL_ADDRESS]: { unicode: 'support@hebergeur-exemple.example' },
        [TAG.RECIPIENT_TYPE]: { long: 1 },
      },
    },
  ],
};

/**
 * An NDR as Outlook keeps it (REPORT.IPM.Note.NDR): a body that names the recipient but not the
 * server's reply, Orange's reply only in the recipient's PidTagSupplementaryInfo, the sent message
 * embedded as attachment (method 5), and no transport headers. The supplementary info has the shape
 * Exchange gives it when it stores a received DSN as an NDR: `<Remote-MTA #Status Diagnostic-Code>`.
 */
export const ndrSupplementaryInfo: MsgObject = {
  props: {
    [TAG.MESSAGE_CLASS]: { unicode: 'REPORT.IPM.Note.NDR' },
    [TAG.SUBJECT]: { unicode: 'Non remis : Votre devis' },
    [TAG.CLIENT_SUBMIT_TIME]: { time: new Date('2026-12-04T09:12:03Z') },
    [TAG.DELIVERY_TIME]: { time: new Date('2026-12-04T09:12:04Z') },
    [TAG.SENDER_NAME]: { unicode: 'Microsoft Outlook' },
    [TAG.SENDER_EMAIL]: {
      unicode: 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@boutique-durand.example',
    },
    [TAG.BODY]: {
      unicode: [
        "Votre message n'a pas pu être remis à ces destinataires ou groupes :",
        '',
        'm.leroy@orange.fr (m.leroy@orange.fr)',
        "Le système de messagerie du destinataire n'a pas accepté le message.",
        '',
      ].join('\r\n'),
    },
  },
  recipients: [
    {
      props: {
        [TAG.DISPLAY_NAME]: { unicode: 'm.leroy@orange.fr' },
        [TAG.ADDRESS_TYPE]: { unicode: 'SMTP' },
        [TAG.EMAIL_ADDRESS]: { unicode: 'm.leroy@orange.fr' },
        [TAG.SMTP_ADDRESS]: { unicode: 'm.leroy@orange.fr' },
        [TAG.RECIPIENT_TYPE]: { long: 1 },
        [TAG.SUPPLEMENTARY_INFO]: {
          unicode:
            '<smtp-in.orange.fr #5.0.0 smtp; 550 mwinf5c20 ME Adresse IP source bloquee par Orange. Client host blocked by Orange. OFR006_103 198.51.100.23 [103]>',
        },
        [TAG.REMOTE_MTA]: { unicode: 'smtp-in.orange.fr' },
        [TAG.NDR_REASON_CODE]: { long: 0 },
        [TAG.NDR_DIAG_CODE]: { long: -1 },
      },
    },
  ],
  attachments: [
    {
      props: {
        [TAG.ATTACH_METHOD]: { long: 5 },
        [TAG.DISPLAY_NAME]: { unicode: 'Votre devis' },
      },
      embedded: {
        props: {
          [TAG.MESSAGE_CLASS]: { unicode: 'IPM.Note' },
          [TAG.SUBJECT]: { unicode: 'Votre devis' },
          [TAG.CLIENT_SUBMIT_TIME]: { time: new Date('2026-12-04T09:11:58Z') },
          [TAG.SENDER_NAME]: { unicode: 'Boutique Durand' },
          [TAG.SENDER_EMAIL]: { unicode: 'contact@boutique-durand.example' },
          [TAG.SENDER_SMTP]: { unicode: 'contact@boutique-durand.example' },
          [TAG.INTERNET_MESSAGE_ID]: { unicode: '<a1b2c3d4-5678@boutique-durand.example>' },
          [TAG.BODY]: { unicode: 'Bonjour,\r\n\r\nVoici le devis demandé.\r\n' },
        },
        recipients: [
          {
            props: {
              [TAG.DISPLAY_NAME]: { unicode: 'm.leroy@orange.fr' },
              [TAG.EMAIL_ADDRESS]: { unicode: 'm.leroy@orange.fr' },
            },
          },
        ],
      },
    },
  ],
};

/** Windows-1252 bytes of a text (the fixture's text has only Latin-1 letters). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * A message saved by an older Outlook with 8-bit strings (PtypString8) in the message's code page
 * (PidTagMessageCodepage 1252): a customer's mail quoting Outlook's own French NDR wording.
 */
export const string8Cp1252: MsgObject = {
  props: {
    [TAG.MESSAGE_CLASS]: { string8: cp1252('IPM.Note') },
    [TAG.MESSAGE_CODEPAGE]: { long: 1252 },
    [TAG.SUBJECT]: { string8: cp1252('Message non remis à Orange') },
    [TAG.TRANSPORT_HEADERS]: {
      string8: cp1252(
        [
          'Received: from mail.cabinet-lefevre.example (mail.cabinet-lefevre.example [198.51.100.41])',
          '\tby mx.hebergeur-exemple.example (Postfix) with ESMTPS id 4F2A1B;',
          '\tThu, 3 Dec 2026 15:40:22 +0100 (CET)',
          'From: "Cabinet Lefèvre" <secretariat@cabinet-lefevre.example>',
          'To: support@hebergeur-exemple.example',
          'Subject: Message non remis à Orange',
          'Date: Thu, 3 Dec 2026 15:40:19 +0100',
          'Content-Type: text/plain; charset="iso-8859-1"',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          '',
        ].join('\r\n'),
      ),
    },
    [TAG.BODY]: {
      string8: cp1252(
        [
          'Bonjour,',
          '',
          "Depuis ce matin nos messages vers Orange sont refusés, voici ce qu'affiche Outlook :",
          '',
          "Votre message n'a pas pu être remis à certains destinataires.",
          '',
          'Destinataire : luc.moreau@orange.fr',
          'Réponse du serveur : 550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.41 [102]',
          '',
          'Cordialement,',
          'Le secrétariat',
          '',
        ].join('\r\n'),
      ),
    },
  },
};

export const FIXTURES: Record<string, MsgObject> = {
  'forwarded-bounce.msg': forwardedBounce,
  'ndr-supplementary-info.msg': ndrSupplementaryInfo,
  'string8-cp1252.msg': string8Cp1252,
};

/**
 * A customer's mail attaching the NDR saved from Outlook, as Exchange Online sends a `.msg` attached
 * (the part's header as in ../forward-blocks/outlook-forward-msg-file.eml), base64 in 76-column lines.
 */
export function forwardAttachingMsg(msg: Uint8Array): string {
  const base64 = Buffer.from(msg).toString('base64').replace(/.{76}/g, '$&\n');
  return `From: Marie Durand <marie.durand@boutique-durand.example>
To: "support@hebergeur-exemple.example" <support@hebergeur-exemple.example>
Subject: TR: Non remis : Votre devis
Date: Sat, 5 Dec 2026 08:31:47 +0000
Message-ID: <PR3P191MB1234C0FFEE@PR3P191MB1234.EURP191.PROD.OUTLOOK.COM>
Content-Language: fr-FR
X-MS-Has-Attach: yes
Content-Type: multipart/mixed;
	boundary="_002_PR3P191MB1234C0FFEE_"
MIME-Version: 1.0

--_002_PR3P191MB1234C0FFEE_
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Bonjour, ci-joint le message d’erreur reçu hier en écrivant à un client chez Orange.

Marie

--_002_PR3P191MB1234C0FFEE_
Content-Type: application/vnd.ms-outlook; name="Non remis Votre devis.msg"
Content-Description: Non remis Votre devis.msg
Content-Disposition: attachment; filename="Non remis Votre devis.msg"; size=${msg.length};
	creation-date="Sat, 05 Dec 2026 08:31:40 GMT";
	modification-date="Sat, 05 Dec 2026 08:31:40 GMT"
Content-Transfer-Encoding: base64

${base64.trimEnd()}
--_002_PR3P191MB1234C0FFEE_--
`;
}

if (process.argv[1]?.endsWith('make-fixtures.ts')) {
  const dir = join(import.meta.dirname, '../../../fixtures/extract/msg32');
  for (const [name, message] of Object.entries(FIXTURES)) writeFileSync(join(dir, name), buildMsg(message));
  writeFileSync(
    join(dir, 'forward-attaching-ndr-msg.eml'),
    forwardAttachingMsg(buildMsg(ndrSupplementaryInfo)),
  );
}
