package snippet

import (
	"strings"
	"testing"

	"github.com/goexpert/gointernals/generator/snippet/block"
)

// FuzzExtract runs what the build does with a code block before any
// program runs: its kind, the wrapping of fragments, and gofmt. Nothing
// may panic; a fragment's wrapper must keep the author's lines where they
// were, one line down, or every error position would point at the wrong
// place.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n",
		"x := 1\nx++\n_ = x\n",
		"import \"fmt\"\n\nfmt.Println(y)\n",
		"type hchan struct {\n\tqcount uint\n\tbuf unsafe.Pointer\n}\n",
		"package runtime\n\ntype waitq struct{ first *sudog }\n",
		"func (",
		"import (\n",
		"package\n",
		"/* unterminated",
		"`raw\nstring",
		"\xff\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		k := KindOf(code)
		p, err := block.Parse(code)
		if p == nil {
			if err == nil {
				t.Fatal("Parse returned neither a file nor an error")
			}
			return
		}
		if p.Kind != k {
			t.Errorf("KindOf says %s, Parse says %s", k, p.Kind)
		}
		formatted, ferr := gofmt(p.Kind, code)
		if p.Kind == Fragment && p.Src != "" && ferr == nil && formatted == code {
			// In a fragment the build accepts (gofmt-clean), line i of the
			// code is line i+1 of the wrapped file, kept whole (the wrapper
			// may only add after it). Code that shares a line with an
			// import is not gofmt-clean: the build asks for gofmt first.
			src := strings.Split(p.Src, "\n")
			for i, line := range strings.Split(code, "\n") {
				if i+1 >= len(src) || !strings.HasPrefix(src[i+1], line) {
					t.Fatalf("line %d of the code, %q, is not line %d of the wrapped fragment:\n%s", i+1, line, i+2, p.Src)
				}
			}
		}
	})
}
