// Enhancements that need JavaScript; the site works without them.
import { themeToggle } from './theme.js';
import { menu } from './menu.js';
import { tocSpy } from './toc.js';
import { steppers } from './steps.js';
import { siteSearch } from './search.js';

themeToggle();
menu();
tocSpy();
steppers();
siteSearch();
