package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/goexpert/gointernals/generator/content"
)

// FuzzPage feeds one page, front matter and markdown, through the stages
// Build runs before snippets are validated: content.Load and the markdown
// conversion with every extension (headings, links, code blocks,
// snippets, diagrams). Whatever the input, nothing may panic, every error
// must name a file and say something, an error in the page must point
// inside it, and the HTML must be valid UTF-8. The seeds are the site's
// own pages and inputs that once needed care; `go test` runs them,
// `go test ./generator -run '^$' -fuzz FuzzPage` looks for more.
func FuzzPage(f *testing.F) {
	pages, _ := filepath.Glob("../content/pt/*.md")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"",
		"---\n",
		"---\ntitle: [\n---\n",
		"---\ntitle: x\ndescription: y\ntranslationKey: home\norder: 0\n---\n```go\npackage main\n",
		"---\ntitle: x\ndescription: y\ntranslationKey: home\norder: 0\n---\n## A\n## A\n[x](missing.md#nowhere)\n```diagram\nnope\n```\n",
		"---\ntitle: x\ndescription: y\ntranslationKey: home\norder: 0\n---\n```go {norun=\"\" exit=x output=unordered}\nfunc main() {}\n```\n```output\n",
		"---\ntitle: \"\\xff\"\ndescription: y\ntranslationKey: home\norder: -1\nslug: ../../etc\n---\n\xff\xfe# \x00\n",
	} {
		f.Add([]byte(s))
	}
	en := []byte("---\ntitle: Start\ndescription: Home.\ntranslationKey: home\norder: 0\n---\nHome.\n")
	f.Fuzz(func(t *testing.T, src []byte) {
		site, errs := content.Load(fstest.MapFS{"pt/index.md": {Data: src}, "en/index.md": {Data: en}}, "content")
		docs, cerrs := convert(context.Background(), site)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range append(errs, cerrs...) {
			if e.Path == "" || e.Msg == "" {
				t.Errorf("an error without a file or a message: %#v", e)
			}
			if e.Path == "content/pt/index.md" && e.Line > lines {
				t.Errorf("%v: line %d is past the end of the file (%d lines)", e, e.Line, lines)
			}
		}
		for _, ps := range docs {
			for _, p := range ps {
				if p.doc != nil && !utf8.Valid(p.doc.HTML) {
					t.Errorf("%s: the HTML is not valid UTF-8", p.Path)
				}
			}
		}
	})
}
