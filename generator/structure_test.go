package generator

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/goexpert/gointernals/generator/content"
	"golang.org/x/net/html"
)

// keptEnglish are the English words the Portuguese notes themselves use
// untranslated, in their running text: a Portuguese heading made only of
// these, of code and of acronyms may read as its English twin does ("GC
// Trace", "heap", "Goroutines", "runtime.GOMAXPROCS()"). The test checks
// that each is in the notes' text, so the list cannot grow by invention.
var keptEnglish = []string{
	"channel", "channels", "collector", "garbage", "go", "goroutine",
	"goroutines", "heap", "runtime", "scheduler", "stack", "thread",
	"threads", "trace",
}

// TestPagesAreNavigable holds the structure issue 16 asked for, on the
// built pages:
//   - a page whose markdown file has over 100 lines lists at least 4
//     entries in "On this page", so a reader and the search can reach
//     inside it;
//   - no heading repeats its page's title (the h1);
//   - twins have parallel headings: the same number, in the same order, at
//     the same levels;
//   - a Portuguese heading is not left in English: one that reads exactly
//     as its English twin's fails, unless every word of it is code (in
//     backticks, or a token with ".", ":", "(", "_" or a digit), an
//     acronym or a name with a capital past its first letter (GOGC, GC),
//     a single letter, or one of keptEnglish.
func TestPagesAreNavigable(t *testing.T) {
	out := buildReal(t)
	pages := loadBuilt(t, out)
	site, errs := content.Load(os.DirFS("../content"), "content")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	type heading struct {
		level int
		text  string
		words string // the text without its code spans
	}
	headingsOf := func(bp *builtPage) (h1 string, hs []heading) {
		for _, n := range find(bp.doc, func(n *html.Node) bool {
			return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' && n.Type == html.ElementNode
		}) {
			text := strings.Join(strings.Fields(htmlText(n)), " ")
			if n.Data == "h1" {
				h1 = text
				continue
			}
			var b strings.Builder
			walk(n, func(c *html.Node) {
				if c.Type == html.TextNode && !insideCode(c) {
					b.WriteString(c.Data)
				}
			})
			hs = append(hs, heading{level: int(n.Data[1] - '0'), text: text, words: b.String()})
		}
		return h1, hs
	}
	built := func(p *content.Page) *builtPage {
		bp := pages[strings.TrimPrefix(p.URL, "/")+"index.html"]
		if bp == nil {
			t.Errorf("%s: no built page at %s", p.Path, p.URL)
		}
		return bp
	}
	for _, lang := range site.Langs {
		for _, p := range site.Pages[lang.Code] {
			bp := built(p)
			if bp == nil {
				continue
			}
			src, err := os.ReadFile("../content/" + p.File)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Count(strings.TrimSuffix(string(src), "\n"), "\n") + 1
			toc := find(bp.doc, func(n *html.Node) bool {
				return n.Data == "li" && strings.HasPrefix(htmlAttr(n, "class"), "toc-h")
			})
			if lines > 100 && len(toc) < 4 {
				t.Errorf("%s has %d lines and %d entries in its table of contents: split it into ## and ### sections along its topics, at least 4", p.Path, lines, len(toc))
			}
			h1, hs := headingsOf(bp)
			for _, h := range hs {
				if strings.EqualFold(h.text, h1) {
					t.Errorf("%s: the h%d %q repeats the page's title: the title is the h1, drop the heading or name the section", p.Path, h.level, h.text)
				}
			}
			if lang.Code != "pt" || p.Twin == nil {
				continue
			}
			tw := built(p.Twin)
			if tw == nil {
				continue
			}
			_, ths := headingsOf(tw)
			if len(hs) != len(ths) {
				t.Errorf("%s has %d headings, its twin %s has %d: twins have the same sections", p.Path, len(hs), p.Twin.Path, len(ths))
				continue
			}
			for i, h := range hs {
				if h.level != ths[i].level {
					t.Errorf("%s: heading %d %q is an h%d, the twin's %q on %s is an h%d", p.Path, i+1, h.text, h.level, ths[i].text, p.Twin.Path, ths[i].level)
				}
				if h.text == ths[i].text {
					if w := ordinaryWord(h.words); w != "" {
						t.Errorf("%s: the heading %q is the same as its English twin's, and %q is not code, an acronym or a word the notes keep in English: translate it", p.Path, h.text, w)
					}
				}
			}
		}
	}

	// Each kept word must be one the notes use in their text.
	seed, err := os.ReadFile("testdata/notes.pt.md")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, l := range strings.Split(string(seed), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			text.WriteString(strings.ToLower(l) + "\n")
		}
	}
	for _, w := range keptEnglish {
		if !regexp.MustCompile(`(^|[^\p{L}])` + w + `([^\p{L}]|$)`).MatchString(text.String()) {
			t.Errorf("keptEnglish lists %q, which the notes' text never uses", w)
		}
	}
}

func insideCode(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Data == "code" {
			return true
		}
	}
	return false
}

// ordinaryWord is the first word of s that is ordinary language, not code,
// an acronym, a single letter or a word in keptEnglish; "" when there is
// none.
func ordinaryWord(s string) string {
	for _, field := range strings.Fields(s) {
		if strings.ContainsAny(field, ".:(_0123456789") {
			continue // code: runtime.GOMAXPROCS(), M:N
		}
		for _, w := range strings.FieldsFunc(field, func(r rune) bool { return !unicode.IsLetter(r) }) {
			rs := []rune(w)
			if len(rs) == 1 || strings.ContainsFunc(string(rs[1:]), unicode.IsUpper) {
				continue
			}
			if !containsFold(keptEnglish, w) {
				return w
			}
		}
	}
	return ""
}

func containsFold(list []string, w string) bool {
	for _, l := range list {
		if strings.EqualFold(l, w) {
			return true
		}
	}
	return false
}
