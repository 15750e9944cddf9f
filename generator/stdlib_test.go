package generator

import (
	"context"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/generator/snippet"
)

// A playground program may import what the exact engine offers, the
// standard library for js/wasm, and nothing else; the build says so at
// the import. Programs that are not playgrounds, and fragments, are not
// the engine's.
func TestCheckImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	sn := func(index int, code string, norun string) *snippet.Snippet {
		return &snippet.Snippet{ID: "en-x", Page: "content/en/x.md", Lang: "en", Index: index, Line: 10 * index, Col: 1, Code: code, Attrs: snippet.Attrs{NoRun: norun}}
	}
	program := func(imports ...string) string {
		return "package main\n\nimport (\n\t\"" + strings.Join(imports, "\"\n\t\"") + "\"\n)\n\nfunc main() {}\n"
	}
	errs := checkImports(context.Background(), Config{}, []*snippet.Snippet{
		sn(1, program("bufio", "encoding/json", "regexp", "text/tabwriter", "io/fs", "math/big", "net/http", "os/exec"), ""),
		sn(2, program("fmt", "syscall/js"), ""),
		sn(3, "package main\n\nimport \"unsafe\"\n\nfunc main() {\n\tx := 1\n\tprintln(unsafe.Sizeof(x), unsafe.Pointer(&x))\n}\n", ""),
		sn(4, program("internal/abi", "vendor/golang.org/x/net/dns/dnsmessage"), ""),
		sn(5, program("github.com/traefik/yaegi/interp"), ""),
		sn(6, program("unsafe", "C"), "uses cgo"),                                                         // not a playground
		sn(7, "import \"unsafe\"\n\nvar n = unsafe.Sizeof(0)\n", ""),                                      // a fragment
		sn(8, "package main\n\nimport \"unsafe\"\n\nfunc main() {\n\tprintln(unsafe.Sizeof(0))\n}\n", ""), // its layout's functions
	})
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"content/en/x.md:24:2: snippet 2: package syscall/js is not available in the playground",
		"content/en/x.md:36:28: snippet 3: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof (a snippet that needs it says so: {norun=\"why\"})",
		"content/en/x.md:43:2: snippet 4: package internal/abi is not available in the playground",
		"content/en/x.md:44:2: snippet 4: package vendor/golang.org/x/net/dns/dnsmessage is not available in the playground",
		"content/en/x.md:53:2: snippet 5: package github.com/traefik/yaegi/interp is not available in the playground",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) || !strings.Contains(got[i], "it offers the standard library for js/wasm") && !strings.Contains(want[i], "unsafe") {
			t.Errorf("error %d: %s\nwant %s (it offers …)", i, got[i], want[i])
		}
	}
}
