package engine

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// unicode's functions of runes run in the interpreter (symbols/unicode.go);
// what the subset lacks is named before the run, and the program goes to
// the toolchain.
func TestUnicodeSubset(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"unicode\"\n)\n\nfunc main() {\n\tfmt.Println(unicode.IsUpper('A'), unicode.IsLetter('1'), string(unicode.ToLower('Q')), unicode.UpperCase, strings.IndexFunc(\"ab C\", unicode.IsSpace))\n}\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if h := p.HandOver(); h != "" {
		t.Errorf("handed over: %s", h)
	}
	var out, errb bytes.Buffer
	res := Run(context.Background(), src, Options{Stdout: &out, Stderr: &errb, Timeout: 10 * time.Second})
	if want := "true false q 0 2\n"; out.String() != want || res.Status != 0 {
		t.Errorf("status %d, printed %q (stderr %q), want %q", res.Status, out.String(), errb.String(), want)
	}
	for _, name := range []string{"Is(unicode.Han, 'x')", "MaxRune"} {
		p, err := Prepare("package main\n\nimport (\n\t\"fmt\"\n\t\"unicode\"\n)\n\nfunc main() {\n\tfmt.Println(unicode." + name + ")\n}\n")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.HandOver(), "is not available in the interpreter: it offers unicode's functions") {
			t.Errorf("unicode.%s: hand-over %q", name, p.HandOver())
		}
	}
}
