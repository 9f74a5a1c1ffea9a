import { create } from 'zustand';

/** The companion's two languages. */
export type Lang = 'ja' | 'en';
/** A text in both languages (titles in the chapter registry, items of widgets' lists). */
export type Bilingual = Record<Lang, string>;
export const LANGS: readonly Lang[] = ['ja', 'en'];
const STORAGE_KEY = 'dlfs2.lang';

/** Whether a value (e.g. a query parameter) names one of the languages. */
export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage can be disabled (privacy mode); the choice then lasts one visit
  }
}

/**
 * The language to start in: `?lang=` wins, then the reader's remembered choice, then the
 * browser's preference (Japanese unless the browser prefers something else).
 */
export function initialLang(search: string, stored: string | null, languages: readonly string[]): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(stored)) return stored;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return languages.length > 0 ? 'en' : 'ja';
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

function startLang(): Lang {
  if (typeof window === 'undefined') return 'ja';
  return initialLang(window.location.search, safeStorage()?.getItem(STORAGE_KEY) ?? null, navigator.languages ?? [navigator.language]);
}

export const useLang = create<LangState>((set) => ({
  lang: startLang(),
  setLang: (lang) => {
    try {
      safeStorage()?.setItem(STORAGE_KEY, lang);
    } catch {
      /* quota or disabled storage: keep the choice in memory only */
    }
    set({ lang });
  },
}));

// <html lang> follows the chosen language (screen readers pick their voice from it).
if (typeof document !== 'undefined') {
  document.documentElement.lang = useLang.getState().lang;
  useLang.subscribe((s) => {
    document.documentElement.lang = s.lang;
  });
}
