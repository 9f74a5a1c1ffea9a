import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './app/app.css';
import './state/lang';
import './state/theme';
import { App } from './app/App';
import { UpdatePrompt } from './app/UpdatePrompt';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    {/* The service worker exists only in production builds (a dev server has nothing to precache). */}
    {import.meta.env.PROD && <UpdatePrompt />}
  </StrictMode>,
);
