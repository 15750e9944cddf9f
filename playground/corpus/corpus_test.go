package corpus

import (
	"path/filepath"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		src, code, want string
		exit            int
		err             bool
	}{
		{src: "package main\n\nfunc main() { println(1) }\n\n// Output:\n// 1\n//\n//  two spaces\n",
			code: "package main\n\nfunc main() { println(1) }\n\n", want: "1\n\n two spaces\n"},
		{src: "package main\n\nfunc main() { panic(1) }\n\n// Exit: 2\n// Output:\n",
			code: "package main\n\nfunc main() { panic(1) }\n\n", want: "", exit: 2},
		// The last // Output: line is the trailer's.
		{src: "package main\n\n// Output:\n// no\n\nfunc main() {}\n\n// Output:\n// yes\n",
			code: "package main\n\n// Output:\n// no\n\nfunc main() {}\n\n", want: "yes\n"},
		{src: "package main\n\nfunc main() {}\n", err: true},
		{src: "package main\n\n// Exit: two\n// Output:\n", err: true},
	} {
		p, err := Parse(c.src)
		if (err != nil) != c.err {
			t.Errorf("%q: error %v", c.src, err)
			continue
		}
		if !c.err && (p.Code != c.code || p.Want != c.want || p.Exit != c.exit || p.Source != c.src) {
			t.Errorf("%q: code %q, want %q, exit %d; want %q, %q, %d", c.src, p.Code, p.Want, p.Exit, c.code, c.want, c.exit)
		}
	}
}

// The engine's programs all parse.
func TestLoad(t *testing.T) {
	for _, pattern := range []string{"../engine/testdata/*.go", "../engine/testdata/corpus/*.go"} {
		ps, err := Load(filepath.FromSlash(pattern))
		if err != nil || len(ps) < 10 {
			t.Errorf("%s: %d programs, %v", pattern, len(ps), err)
		}
	}
}
