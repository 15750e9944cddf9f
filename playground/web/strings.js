// The playground's words, in the page's language (<html lang>). A page
// gets the page script of its language alone: the build bundles it once
// per strings-*.js, this file replaced by one that returns that
// language's words (generator/playground.go); as written it holds them
// all, for a page of another language (English).
import pt from './strings-pt.js';
import en from './strings-en.js';

const STRINGS = { pt, en };

export function strings() {
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  return STRINGS[lang] || STRINGS.en;
}
