// Enhancements that need JavaScript; the site works without them.
import { themeToggle } from './theme.js';
import { menu } from './menu.js';
import { tocSpy } from './toc.js';
import { steppers } from './steps.js';

themeToggle();
menu();
tocSpy();
steppers();
