package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// page is one content file in one language. Both tools get the same front
// matter and body; only the home page's file name differs (see homeFile).
type page struct {
	lang, slug  string // slug "" is the language's home page
	title, desc string
	key         string // translationKey, shared with the twin
	order       int
	body        string
}

// lang holds the words one language needs; the two values of languages
// have slices of equal length, index for index translations of each
// other, so that a page and its twin, drawn with the same seed, have the
// same shape: the same headings, lists, sentence lengths and code.
type lang struct {
	code, pageSlug    string
	homeTitle         string
	homeDesc, homeRef string
	titleFmt, descFmt string
	nextLink          string
	topics            []string
	headings          []string // five, unique on a page
	comment           []string // one per code template
	words             []string
}

var languages = []lang{
	{
		code:      "pt",
		pageSlug:  "pagina",
		homeTitle: "Início",
		homeDesc:  "Site gerado para comparar o tempo de build com o do Hugo.",
		homeRef:   "Comece pela [primeira página](%s).",
		titleFmt:  "%s (página %d)",
		descFmt:   "Notas geradas sobre %s, para medir o tempo de build.",
		nextLink:  "Continue na [página seguinte](%s).",
		topics: []string{"o escalonador", "a pilha das goroutines", "o coletor de lixo", "os canais",
			"o alocador", "as interfaces", "os mapas", "os slices"},
		headings: []string{"Visão geral", "Detalhes da implementação", "Um exemplo em Go", "Custos e limites", "Resumo"},
		comment:  []string{"soma dois pontos", "soma os valores até o limite", "fila simples de textos"},
		words: []string{"o runtime", "a goroutine", "o processador", "a thread", "a fila", "o heap",
			"a pilha", "o canal", "o ponteiro", "a memória", "o programa", "o sistema",
			"executa", "bloqueia", "aloca", "libera", "percorre", "entrega", "espera", "marca",
			"rapidamente", "depois", "sempre", "raramente", "em paralelo", "sem trava",
			"com cuidado", "de novo", "no início", "no fim", "cada vez", "quase sempre"},
	},
	{
		code:      "en",
		pageSlug:  "page",
		homeTitle: "Home",
		homeDesc:  "A generated site to compare build times with Hugo's.",
		homeRef:   "Start at the [first page](%s).",
		titleFmt:  "%s (page %d)",
		descFmt:   "Generated notes on %s, to measure the build time.",
		nextLink:  "Continue on the [next page](%s).",
		topics: []string{"the scheduler", "goroutine stacks", "the garbage collector", "channels",
			"the allocator", "interfaces", "maps", "slices"},
		headings: []string{"Overview", "Implementation details", "An example in Go", "Costs and limits", "Summary"},
		comment:  []string{"add returns the sum of two points", "sum adds the values up to the limit", "queue is a simple queue of strings"},
		words: []string{"the runtime", "the goroutine", "the processor", "the thread", "the queue", "the heap",
			"the stack", "the channel", "the pointer", "the memory", "the program", "the system",
			"runs", "blocks", "allocates", "frees", "walks", "hands over", "waits", "marks",
			"quickly", "later", "always", "rarely", "in parallel", "without a lock",
			"carefully", "again", "at the start", "at the end", "each time", "almost always"},
	},
}

// codeTemplates are Go declaration fragments, gofmt-formatted, with %[1]d
// for the page number (so each page has its own snippet, as real notes
// do) and %[2]s for a comment in the page's language. They hold no
// package main: this generator would build and run a program.
var codeTemplates = []string{
	`// %[2]s
type point%[1]d struct {
	x, y int
}

func (p point%[1]d) add(q point%[1]d) point%[1]d {
	return point%[1]d{p.x + q.x, p.y + q.y}
}
`,
	`const limit%[1]d = %[1]d

// %[2]s
func sum%[1]d(xs []int) int {
	total := 0
	for _, x := range xs {
		if x > limit%[1]d {
			continue
		}
		total += x
	}
	return total
}
`,
	`// %[2]s
type queue%[1]d struct {
	items []string
}

func (q *queue%[1]d) push(s string) {
	q.items = append(q.items, s)
}

func (q *queue%[1]d) pop() (string, bool) {
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}
`,
}

// sitePages returns every page of an n-page-per-language site, both
// languages.
func sitePages(n int) []page {
	var pages []page
	for _, l := range languages {
		pages = append(pages, homePage(l))
		for i := 1; i <= n; i++ {
			pages = append(pages, contentPage(l, i, n))
		}
	}
	return pages
}

func slugOf(l lang, i int) string { return fmt.Sprintf("%s-%05d", l.pageSlug, i) }

func homePage(l lang) page {
	body := l.homeDesc + " " + fmt.Sprintf(l.homeRef, slugOf(l, 1)+".md") + "\n"
	return page{lang: l.code, title: l.homeTitle, desc: l.homeDesc, key: "home", body: body}
}

// contentPage writes page i of n: about five hundred words under five
// headings, a list, a link to the next page and a Go block. The random
// source is seeded with i alone, so the twin draws the same numbers.
func contentPage(l lang, i, n int) page {
	rng := rand.New(rand.NewPCG(uint64(i), 0x6f))
	topic := l.topics[i%len(l.topics)]
	next := slugOf(l, i%n+1) + ".md"
	tmpl := i % len(codeTemplates)

	var b strings.Builder
	para := func(sentences int) {
		for s := range sentences {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence(rng, l, 6+rng.IntN(8)))
		}
		b.WriteString("\n\n")
	}
	para(4)
	fmt.Fprintf(&b, "## %s\n\n", l.headings[0])
	para(4)
	para(3)
	for range 4 {
		fmt.Fprintf(&b, "- %s\n", sentence(rng, l, 4+rng.IntN(4)))
	}
	fmt.Fprintf(&b, "\n### %s\n\n", l.headings[1])
	para(4)
	fmt.Fprintf(&b, "## %s\n\n", l.headings[2])
	para(3)
	fmt.Fprintf(&b, l.nextLink+"\n\n", next)
	fmt.Fprintf(&b, "```go\n"+codeTemplates[tmpl]+"```\n\n", i, l.comment[tmpl])
	para(3)
	fmt.Fprintf(&b, "### %s\n\n", l.headings[3])
	para(4)
	fmt.Fprintf(&b, "## %s\n\n", l.headings[4])
	para(4)
	para(3)

	return page{
		lang:  l.code,
		slug:  slugOf(l, i),
		title: upperFirst(fmt.Sprintf(l.titleFmt, topic, i)),
		desc:  fmt.Sprintf(l.descFmt, topic),
		key:   fmt.Sprintf("p%05d", i),
		order: i,
		body:  strings.TrimSuffix(b.String(), "\n"),
	}
}

// sentence strings words words of l together, chosen by rng.
func sentence(rng *rand.Rand, l lang, words int) string {
	w := make([]string, words)
	for k := range w {
		w[k] = l.words[rng.IntN(len(l.words))]
	}
	return upperFirst(strings.Join(w, " ")) + "."
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// frontMatter is the YAML this generator reads, with extra lines for
// another tool. The values are written bare: the generated titles and
// descriptions hold no character YAML would take for syntax.
func (p page) frontMatter(extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\ntranslationKey: %s\norder: %d\n", p.title, p.desc, p.key, p.order)
	for _, line := range extra {
		b.WriteString(line + "\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// writeGeneratorContent lays the pages out as this generator reads them:
// dir/<lang>/index.md and dir/<lang>/<slug>.md.
func writeGeneratorContent(dir string, pages []page) error {
	return writePages(dir, pages, "index.md", func(p page) string { return p.frontMatter() })
}

// writePages writes each page to dir/<lang>/<slug>.md, the home page to
// dir/<lang>/<homeFile>, each starting with frontMatter(page).
func writePages(dir string, pages []page, homeFile string, frontMatter func(page) string) error {
	for _, l := range languages {
		if err := os.MkdirAll(filepath.Join(dir, l.code), 0o755); err != nil {
			return err
		}
	}
	for _, p := range pages {
		name := homeFile
		if p.slug != "" {
			name = p.slug + ".md"
		}
		if err := os.WriteFile(filepath.Join(dir, p.lang, name), []byte(frontMatter(p)+p.body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
