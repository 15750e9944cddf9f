package diagram

// CSS styles the diagrams. Colours are custom properties with fallbacks;
// dark values sit under the site's two dark selectors (theme/css/main.css).
// The tri-colour states keep their names' colours in both schemes (a white
// object stays light, a black one dark), so their labels have fixed
// colours too: dark on white and grey, white on black. Every pair holds
// WCAG AA in both schemes (TestBrowserDiagramContrast).
func CSS() string {
	return css
}

const css = `
.dg { max-width: 100%; height: auto; display: block; margin: 0 auto;
  --d-fg: #1b1f24; --d-muted: #555d66; --d-line: #4a525c; --d-box: #ffffff; --d-soft: #f1f3f6;
  --d-m: #dbeafe; --d-p: #dcfce7; --d-g: #fef3c7; --d-q: #f1f3f6; --d-os: #e5e7eb;
  --d-stw: #fecaca; --d-conc: #d1fae5; --d-grey: #9ca3af; --d-black: #1f2937; --d-white: #ffffff; --d-freed: #f3f4f6; }
html[data-theme="dark"] .dg { --d-fg: #e4e7eb; --d-muted: #a3abb5; --d-line: #9aa4b0; --d-box: #1b2028; --d-soft: #222833;
  --d-m: #1e3a5f; --d-p: #14532d; --d-g: #5b4510; --d-q: #222833; --d-os: #2d333b;
  --d-stw: #7f1d1d; --d-conc: #134e3a; --d-grey: #9ca3af; --d-black: #030712; --d-white: #e5e7eb; --d-freed: #2d333b; }
@media (prefers-color-scheme: dark) {
  html:not([data-theme]) .dg { --d-fg: #e4e7eb; --d-muted: #a3abb5; --d-line: #9aa4b0; --d-box: #1b2028; --d-soft: #222833;
    --d-m: #1e3a5f; --d-p: #14532d; --d-g: #5b4510; --d-q: #222833; --d-os: #2d333b;
    --d-stw: #7f1d1d; --d-conc: #134e3a; --d-grey: #9ca3af; --d-black: #030712; --d-white: #e5e7eb; --d-freed: #2d333b; }
}
.dg .t { fill: var(--d-fg); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.dg .t.b { font-weight: 700; }
.dg .t.mu { fill: var(--d-muted); }
.dg rect, .dg circle { stroke: var(--d-line); stroke-width: 2; fill: var(--d-box); }
.dg .area { fill: var(--d-soft); stroke-dasharray: 6 4; }
.dg .m { fill: var(--d-m); }
.dg .p { fill: var(--d-p); }
.dg .g { fill: var(--d-g); }
.dg .q { fill: var(--d-q); }
.dg .os { fill: var(--d-os); }
.dg .stw { fill: var(--d-stw); }
.dg .conc { fill: var(--d-conc); }
.dg .white { fill: var(--d-white); }
.dg .grey { fill: var(--d-grey); stroke-dasharray: 5 3; stroke-width: 3; }
.dg .black { fill: var(--d-black); stroke-width: 3; }
.dg .black + .t, .dg .on-dark { fill: #ffffff; }
.dg .white + .t, .dg .grey + .t { fill: #1b1f24; }
.dg .freed { fill: var(--d-freed); stroke-dasharray: 2 4; }
.dg .ln { fill: none; stroke: var(--d-line); stroke-width: 2.5; }
.dg .ln.em { stroke-width: 3.5; }
.dg .ln.dash { stroke-dasharray: 7 5; }
.dg .hd { fill: var(--d-line); }
@media print {
  .dg { --d-fg: #000; --d-muted: #333; --d-line: #000; --d-box: #fff; --d-soft: #fff; --d-m: #fff; --d-p: #eee; --d-g: #fff;
    --d-q: #fff; --d-os: #eee; --d-stw: #ddd; --d-conc: #fff; --d-grey: #bbb; --d-black: #000; --d-white: #fff; --d-freed: #fff; }
}
`
