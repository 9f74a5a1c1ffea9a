import { BrowserRouter, Route, Routes } from 'react-router';
import { ChapterPage } from './ChapterPage';
import { Home } from './Home';
import { NotFound } from './NotFound';

// The site may be served from a sub-path (a project page); Vite's base is the router's basename.
// Kept with its trailing slash: links home then go to /sub/ (inside the service worker's scope,
// and what static hosts serve), not /sub.
const basename = import.meta.env.BASE_URL;

export function App() {
  return (
    <BrowserRouter basename={basename}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/ch01/:section" element={<ChapterPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}
