import { BrowserRouter, Route, Routes } from 'react-router';
import { CHAPTERS } from '../../chapters/index';
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
        {/* one route per registered chapter; an unknown page of a chapter shows the 404 */}
        {CHAPTERS.map((ch) => (
          <Route key={ch.id} path={`/${ch.id}/:page`} element={<ChapterPage chapterId={ch.id} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}
