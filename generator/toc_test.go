package generator

import (
	"html/template"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/generator/markdown"
)

// TestTOCEntriesAsTheTemplatesHad: tocEntries gives, byte for byte, what
// the templates' ranges gave (kept here as they were), for headings with
// every character html/template escapes in text, in attributes and in a
// URL's fragment, non-ASCII letters, NUL and bytes that are not UTF-8.
func TestTOCEntriesAsTheTemplatesHad(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{define "aside"}}<ol>
{{- range .}}
<li class="toc-h{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ol>{{end}}{{define "inline"}}<ol>
{{- range .}}
<li{{if eq .Level 3}} class="sub"{{end}}><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ol>{{end}}`))
	odd := "a \"b\" & 'c' + <d> e%20f #g ?h /i:j;k=l@m[n]!$*,(o)~p.q_r-s memória 中文 \x00 \xff\xfe \t\n"
	var hs []markdown.Heading
	for i, s := range append(strings.Fields(odd), odd, "", "plain-id") {
		hs = append(hs, markdown.Heading{Level: 2 + i%2, ID: s, Text: s + "!" + odd})
	}
	for _, n := range []int{0, 1, len(hs)} {
		aside, inline := tocEntries(hs[:n])
		for name, got := range map[string]template.HTML{"aside": aside, "inline": inline} {
			var want strings.Builder
			if err := tmpl.ExecuteTemplate(&want, name, hs[:n]); err != nil {
				t.Fatal(err)
			}
			if g := "<ol>" + string(got) + "\n</ol>"; g != want.String() {
				t.Errorf("%d headings, %s:\n%q\nthe template gave\n%q", n, name, g, want.String())
			}
		}
	}
}
