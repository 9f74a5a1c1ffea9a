import { useEffect } from 'react';
import { Link } from 'react-router';
import { Layout } from './Layout';
import { shellStrings, useStrings } from './i18n';

export function NotFound() {
  const s = useStrings(shellStrings);
  useEffect(() => {
    document.title = `${s.notFoundTitle} — ${s.siteTitle}`;
  });
  return (
    <Layout>
      <h1>{s.notFoundTitle}</h1>
      <p>{s.notFoundBody}</p>
      <p>
        <Link to="/">{s.home}</Link>
      </p>
    </Layout>
  );
}
