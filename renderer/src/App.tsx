import { useState } from 'react';

/** Minimal shell; the real UI grows from here. */
export function App() {
  const [lang, setLang] = useState<'fr' | 'en'>('fr');
  return (
    <main>
      <h1>Abuse Desk Assistant</h1>
      <button type="button" onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}>
        {lang === 'fr' ? 'English' : 'Français'}
      </button>
      <label htmlFor="paste">
        {lang === 'fr' ? 'Collez un rejet ou un journal' : 'Paste a bounce or a log'}
      </label>
      <textarea id="paste" />
    </main>
  );
}
