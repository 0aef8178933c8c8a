/** The application: services in, settings loaded, language and notices provided, then the workspace. */
import { useEffect } from 'react';
import { type Services, ServicesProvider } from './api/services';
import { useSettings } from './api/useSettings';
import { NoticesProvider } from './components/Notices';
import { I18nProvider } from './i18n';
import { Workspace } from './Workspace';

function Root() {
  const { settings, update } = useSettings();
  useEffect(() => {
    document.documentElement.lang = settings.uiLang;
  }, [settings.uiLang]);
  return (
    <I18nProvider lang={settings.uiLang}>
      <NoticesProvider>
        <Workspace settings={settings} update={update} />
      </NoticesProvider>
    </I18nProvider>
  );
}

export function App({ services }: { services: Services }) {
  return (
    <ServicesProvider services={services}>
      <Root />
    </ServicesProvider>
  );
}
