// Enhancements that need JavaScript; the site works without them.
import { themeToggle } from './theme.js';
import { menu } from './menu.js';
import { tocSpy } from './toc.js';

themeToggle();
menu();
tocSpy();
