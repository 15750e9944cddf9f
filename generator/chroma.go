package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// Chroma styles for code: one light, one dark. The dark palette is applied
// under the same selectors as the theme's dark colours (see
// theme/css/main.css), so code follows the reader's choice.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

var darkSelectors = []string{`html[data-theme="dark"]`}

const darkMedia = `@media (prefers-color-scheme: dark)`
const darkMediaSelector = `html:not([data-theme])`

// chromaCSS returns the token colours for light and dark mode, built from
// the styles' entries rather than by rewriting chroma's CSS text.
func chromaCSS() (string, error) {
	light, dark := styles.Get(lightStyle), styles.Get(darkStyle)
	if light == styles.Fallback || dark == styles.Fallback {
		return "", fmt.Errorf("chroma styles %q and %q must both exist", lightStyle, darkStyle)
	}
	var b strings.Builder
	writeRules(&b, light, nil)
	writeRules(&b, dark, darkSelectors)
	b.WriteString(darkMedia + " {\n")
	writeRules(&b, dark, []string{darkMediaSelector})
	b.WriteString("}\n")
	return b.String(), nil
}

// writeRules writes one rule per token type that the style colours, scoped
// to code blocks (pre.code) and, for dark, to each of prefixes.
func writeRules(b *strings.Builder, style *chroma.Style, prefixes []string) {
	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for tt := range chroma.StandardTypes {
		types = append(types, tt)
	}
	slices.Sort(types) // map order must not leak into the output
	for _, tt := range types {
		class := chroma.StandardTypes[tt]
		if class == "" || tt == chroma.Background {
			continue // the theme owns the block's background and base colour
		}
		// Every token gets its full colour, even where it equals the
		// style's default: the light rule would otherwise show through in
		// dark mode. Backgrounds stay the theme's.
		entry := style.Get(tt)
		entry.Background = 0
		css := chromahtml.StyleEntryToCSS(entry)
		if css == "" {
			continue
		}
		sel := "pre.code ." + class
		if len(prefixes) == 0 {
			fmt.Fprintf(b, "%s{%s}\n", sel, css)
			continue
		}
		var sels []string
		for _, p := range prefixes {
			sels = append(sels, p+" "+sel)
		}
		fmt.Fprintf(b, "%s{%s}\n", strings.Join(sels, ","), css)
	}
}
