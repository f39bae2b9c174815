import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { Outlet } from 'react-router';
import { client } from './apollo';
import { useLanguage } from './i18n';
import { theme } from './theme';

/**
 * Wraps the pages that talk to the API or use antd. Loaded lazily, so the landing page (the
 * first visit of most people, often on a slow mobile connection) ships neither.
 */
export default function AppShell() {
  const language = useLanguage();
  return (
    <ApolloProvider client={client}>
      <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={theme}>
        <Outlet />
      </ConfigProvider>
    </ApolloProvider>
  );
}
