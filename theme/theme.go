// Package theme is the site's look: HTML templates, styles, scripts and the
// interface's words in each language, embedded so that the generator binary
// carries everything it needs.
//
// Templates are html/template files under templates/; every page is
// rendered by "page.html", "home.html", "404.html" or "root.html", each of
// which fills the blocks of "base.html". css/ and js/ hold the
// sources that the generator bundles, minifies and names by content hash;
// templates refer to the results through the data's Assets field, never by
// a fixed name, so a browser can cache them forever.
package theme

import "embed"

// Files holds templates/, css/, js/ and static/ (files served as they
// are, under a hashed name).
//
//go:embed templates css js static
var Files embed.FS

// UI is the interface's words in one language.
type UI struct {
	SiteName      string // brand in the header and <title>
	Tagline       string // under the brand on the home page
	SkipToContent string
	Menu          string // the button that opens the sidebar on a phone
	Pages         string // accessible name of the sidebar
	OnThisPage    string // title of the table of contents
	Previous      string
	Next          string
	Pager         string // accessible name of the previous/next links
	Language      string // accessible name of the language switcher
	ReadIn        string // "Read this page in"
	Theme         string // the dark-mode toggle
	ThemeLight    string
	ThemeDark     string
	ThemeSystem   string
	Output        string // caption of a snippet's output
	SampleOutput  string // caption of the build's run of a snippet whose output varies
	GoCode        string // accessible name of a code block
	NotFound      string // 404 title
	NotFoundText  string
	BackHome      string
	Contents      string // heading of the page list on the home page
	Footer        string
	OGLocale      string // Open Graph locale: "pt_BR"
	Search        string // accessible name of the search box
	SearchHint    string // its placeholder
	NoResults     string
}

// Strings maps a language code to its words.
var Strings = map[string]UI{
	"pt": {
		SiteName:      "Go por dentro",
		Tagline:       "Notas de estudo sobre o runtime do Go",
		SkipToContent: "Pular para o conteúdo",
		Menu:          "Menu",
		Pages:         "Páginas",
		OnThisPage:    "Nesta página",
		Previous:      "Anterior",
		Next:          "Próxima",
		Pager:         "Páginas anterior e seguinte",
		Language:      "Idioma",
		ReadIn:        "Ler esta página em",
		Theme:         "Tema",
		ThemeLight:    "claro",
		ThemeDark:     "escuro",
		ThemeSystem:   "do sistema",
		Output:        "Saída",
		SampleOutput:  "Saída de exemplo",
		GoCode:        "Código Go",
		NotFound:      "Página não encontrada",
		NotFoundText:  "O endereço não leva a nenhuma página deste site.",
		BackHome:      "Voltar ao início",
		Contents:      "Conteúdo",
		Footer:        "Notas de estudo sobre o funcionamento interno do Go.",
		OGLocale:      "pt_BR",
		Search:        "Buscar no site",
		SearchHint:    "Buscar (tecla /)",
		NoResults:     "Nada encontrado.",
	},
	"en": {
		SiteName:      "Go Internals",
		Tagline:       "Study notes on the Go runtime",
		SkipToContent: "Skip to content",
		Menu:          "Menu",
		Pages:         "Pages",
		OnThisPage:    "On this page",
		Previous:      "Previous",
		Next:          "Next",
		Pager:         "Previous and next pages",
		Language:      "Language",
		ReadIn:        "Read this page in",
		Theme:         "Theme",
		ThemeLight:    "light",
		ThemeDark:     "dark",
		ThemeSystem:   "system",
		Output:        "Output",
		SampleOutput:  "Sample output",
		GoCode:        "Go code",
		NotFound:      "Page not found",
		NotFoundText:  "This address does not lead to any page of this site.",
		BackHome:      "Back to the start",
		Contents:      "Contents",
		Footer:        "Study notes on how Go works inside.",
		OGLocale:      "en_US",
		Search:        "Search the site",
		SearchHint:    "Search (key /)",
		NoResults:     "Nothing found.",
	},
}
