import { useLang, type Lang } from '../state/lang';

/**
 * Every string a reader sees lives in a table like this one, next to the component that shows
 * it: `defineStrings({ ja: {...}, en: {...} })`. The English table must have exactly the keys of
 * the Japanese one (the type checker enforces it), so no string is left untranslated.
 * Values may be functions for strings with numbers in them.
 */
export function defineStrings<T extends Record<string, unknown>>(table: { ja: T; en: { [K in keyof T]: T[K] } }): Record<Lang, T> {
  return table as Record<Lang, T>;
}

/** The current language's half of a string table; re-renders when the language changes. */
export function useStrings<T>(table: Record<Lang, T>): T {
  const lang = useLang((s) => s.lang);
  return table[lang];
}

/** Strings of the app shell (header, navigation, footer, error pages). */
export const shellStrings = defineStrings({
  ja: {
    siteTitle: 'DLFS2 コンパニオン',
    siteSubtitle: (chapters: string) => `『ゼロから作るDeep Learning ❷』${chapters}を手で触って学ぶ`,
    contents: '目次',
    onThisPage: 'このページの内容',
    previous: '前へ',
    next: '次へ',
    home: 'ホーム',
    language: '言語',
    switchTo: 'English',
    switchToLabel: 'Switch to English',
    themeLight: 'ライトテーマにする',
    themeDark: 'ダークテーマにする',
    skipToContent: '本文へ移動',
    notFoundTitle: 'ページが見つかりません',
    notFoundBody: 'このアドレスのページはありません。目次から読みたい節を選んでください。',
    loading: '読み込み中…',
    pageErrorTitle: 'このページの表示中に問題が起きました',
    pageErrorBody: 'ほかのページはそのまま使えます。再読み込みすると直ることがあります。',
    reload: '再読み込み',
    homeIntro:
      '本を読みながら、横でこのページを開いてください。各節の短い解説を読み、スライダーを動かし、ブラウザの中で本物のニューラルネットワークが学習する様子を見られます。数値は本の NumPy コードと同じになるように作ってあります。',
    footer: '本の文章やコードは転載していません。解説とコードはこのプロジェクト独自のものです。すべてブラウザ内で動き、外部へ通信しません。',
  },
  en: {
    siteTitle: 'DLFS2 Companion',
    siteSubtitle: (chapters: string) => `${chapters} of “Deep Learning from Scratch 2”, to touch and try`,
    contents: 'Contents',
    onThisPage: 'On this page',
    previous: 'Previous',
    next: 'Next',
    home: 'Home',
    language: 'Language',
    switchTo: '日本語',
    switchToLabel: '日本語に切り替える',
    themeLight: 'Use the light theme',
    themeDark: 'Use the dark theme',
    skipToContent: 'Skip to content',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address. Pick a section from the contents.',
    loading: 'Loading…',
    pageErrorTitle: 'Something went wrong while showing this page',
    pageErrorBody: 'The other pages still work. Reloading may fix it.',
    reload: 'Reload',
    homeIntro:
      'Keep this open beside the book. For each section, read a short explanation, move the sliders and watch a real neural network learn inside your browser. The numbers are made to match the book’s NumPy code.',
    footer: 'No text or code of the book is reproduced here; the explanations and code are this project’s own. Everything runs in your browser and nothing is sent anywhere.',
  },
});
