import { create } from 'zustand';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'dlfs2.theme';

function startTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    /* storage disabled */
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface ThemeState {
  theme: Theme;
  toggle: () => void;
}

export const useTheme = create<ThemeState>((set, get) => ({
  theme: startTheme(),
  toggle: () => {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      /* keep it for this visit only */
    }
    set({ theme });
  },
}));

if (typeof document !== 'undefined') {
  document.documentElement.dataset.theme = useTheme.getState().theme;
  useTheme.subscribe((s) => {
    document.documentElement.dataset.theme = s.theme;
  });
}
