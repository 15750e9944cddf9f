// Enhancements that need JavaScript; the site works without them.
import { themeToggle } from './theme.js';
import { menu } from './menu.js';
import { tocSpy } from './toc.js';
import { steppers } from './steps.js';
import { siteSearch } from './search.js';
import { langSwitch } from './lang.js';
import { copyButtons } from './copy.js';

themeToggle();
menu();
tocSpy();
steppers();
siteSearch();
langSwitch();
copyButtons();

// Offline reading (js/sw.js), except under the dev server, whose pages
// must always be fresh.
if ('serviceWorker' in navigator && !document.querySelector('script[src="/_dev/reload.js"]')) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
