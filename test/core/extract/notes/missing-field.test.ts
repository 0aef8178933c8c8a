import { missingField } from '../../../../core/extract/notes/missing-field';

describe('missing-field notes', () => {
  it('agree in gender in French, as a French reader expects', () => {
    expect(missingField('occurredAt', 1).text.fr).toBe(
      'Incident 1 : la date de l’incident n’a pas été trouvée dans le texte ; à compléter.',
    );
    expect(missingField('sendingIps', 2).text.fr).toContain('l’adresse IP d’envoi n’a pas été trouvée');
    expect(missingField('sendingDomain', 1).text.fr).toContain('le domaine d’envoi n’a pas été trouvé dans');
    expect(missingField('sendingHosts', 1).text.en).toBe(
      'Incident 1: the sending host name was not found in the text; please fill it in.',
    );
  });

  it('ask to fill in only the five items the ticket needs', () => {
    expect(missingField('remoteIp', 2).text.fr).toBe(
      'Incident 2\u00a0: l’adresse IP du serveur qui a refusé n’a pas été trouvée dans le texte (champ facultatif, absent du ticket).',
    );
    expect(missingField('recipientDomain', 1).text.en).toBe(
      'Incident 1: the recipient domain was not found in the text (optional: the ticket leaves it out).',
    );
    expect(missingField('reply', 1).text.fr).toContain('\u00a0; à compléter.');
  });
});
