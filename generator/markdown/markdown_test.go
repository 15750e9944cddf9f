package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// fakeSite resolves links as the generator does for a two-page site.
type fakeSite struct{}

func (fakeSite) Resolve(from, dest string) (string, bool) {
	pages := map[string]string{"pt/canais.md": "/pt/canais/", "en/channels.md": "/en/channels/", "pt/memoria.md": "/pt/memoria/"}
	if strings.HasPrefix(dest, "/") {
		for _, u := range pages {
			if u == dest {
				return u, true
			}
		}
		return "", false
	}
	u, ok := pages[filepath.ToSlash(filepath.Join(filepath.Dir(from), dest))]
	return u, ok
}

// TestCases runs each testdata/*.txtar: the "input.md" section is a page
// body converted as content/pt/canais.md with its body starting on line 6
// (after a five-line front matter), or as content/en/canais.md when a
// "lang" section says en; "html", "errors", "snippets" and "toc" hold
// what must come out. Run with -update to rewrite them, then
// review the diff.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input []byte
			lang := "pt"
			for _, f := range ar.Files {
				switch f.Name {
				case "input.md":
					input = f.Data
				case "lang":
					lang = strings.TrimSpace(string(f.Data))
				}
			}
			doc, errs := New(WithDiagrams(fakeDiagram)).Convert(Source{
				Path: "content/" + lang + "/canais.md", File: lang + "/canais.md", Lang: lang, Slug: "canais",
				Body: input, BodyLine: 6, Labels: Labels{Output: "Saída", Sample: "Saída de exemplo", Code: "Código Go"},
			}, fakeSite{})
			got := map[string]string{
				"html":     string(doc.HTML),
				"errors":   lines(errs, func(e any) string { return fmt.Sprint(e) }),
				"snippets": lines(doc.Snippets, func(s any) string { return dumpSnippet(s) }),
				"toc":      lines(doc.Headings, func(h any) string { return fmt.Sprintf("%+v", h) }),
				"links":    lines(doc.Links, func(l any) string { return fmt.Sprintf("%+v", l) }),
			}
			changed := false
			// Every case states every section: one left out would pass
			// whatever it held (an empty section says there is nothing).
			for _, name := range slices.Sorted(maps.Keys(got)) {
				if slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == name }) {
					continue
				}
				if *update {
					ar.Files = append(ar.Files, txtar.File{Name: name})
					changed = true
					continue
				}
				t.Errorf("no %q section: a case states all of %v (empty for none); go test -update writes what the code gives, to be read before it is committed", name, slices.Sorted(maps.Keys(got)))
			}
			for i, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				if string(f.Data) != want {
					if *update {
						ar.Files[i].Data = []byte(want)
						changed = true
						continue
					}
					t.Errorf("%s differs\n--- got ---\n%s--- want ---\n%s", f.Name, want, f.Data)
				}
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// fakeDiagram knows one diagram, "mpg".
func fakeDiagram(name, lang string) ([]byte, string, error) {
	if name != "mpg" {
		return nil, "", fmt.Errorf("unknown diagram %q (known: mpg)", name)
	}
	return []byte(`<svg role="img" viewBox="0 0 10 10"><title>M:P:G ` + lang + `</title></svg>`), "Ms, Ps & Gs", nil
}

func lines[T any](items []T, f func(any) string) string {
	var b bytes.Buffer
	for _, it := range items {
		b.WriteString(f(it))
		b.WriteByte('\n')
	}
	return b.String()
}

func dumpSnippet(v any) string {
	s := v.(interface{ String() string })
	return s.String()
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Memória no Go":                "memoria-no-go",
		"runtime.GOMAXPROCS()":         "runtime-gomaxprocs",
		"Scheduler: Pool de Ps":        "scheduler-pool-de-ps",
		"Padrão M:P:G":                 "padrao-m-p-g",
		"Criação de um novo processo":  "criacao-de-um-novo-processo",
		"  Ciclo   de vida  ":          "ciclo-de-vida",
		"Comunicação & sincronização!": "comunicacao-sincronizacao",
		"çãõ ÀÉÎ":                      "cao-aei",
		"":                             "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
