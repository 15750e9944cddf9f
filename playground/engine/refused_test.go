package engine

import "testing"

// TestRefusedImports: what the exact engine offers passes; what it
// refuses is a compile error in its words, at the import's path, and no
// finding.
func TestRefusedImports(t *testing.T) {
	for _, c := range []struct{ imports, want string }{
		{`_ "fmt"; _ "net/http"; _ "os/exec"; _ "internals/x"`, ""},
		{`_ "reflect"`, "3:11: package reflect is not available in the playground"},
		{`_ "unsafe"`, `3:11: import "unsafe" is not allowed in the playground`},
		{"_ `syscall/js`", "3:11: package syscall/js is not available in the playground"},
		{`_ "internal/abi"`, "3:11: package internal/abi is not available in the playground"},
		{`_ "github.com/traefik/yaegi/interp"`, "3:11: package github.com/traefik/yaegi/interp is not available in the playground"},
	} {
		src := "package main\n\nimport (" + c.imports + ")\n\nfunc main() {}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		got := joinFindings(p.Errors(), nil)
		if got != c.want {
			t.Errorf("%s: errors %q, want %q", c.imports, got, c.want)
		}
		for _, f := range p.Findings() {
			if f.Construct == refusedConstruct {
				t.Errorf("%s: a finding too: %s", c.imports, f)
			}
		}
	}
}

// A used import the playground refuses has the refusal for its only
// error, not "imported and not used" as well: the check cannot know the
// name a package outside the standard library declares.
func TestRefusedImportUsed(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\n\t\"gopkg.in/yaml.v3\"\n)\n\nfunc main() {\n\tvar v map[string]int\n\tfmt.Println(yaml.Unmarshal([]byte(\"a: 1\"), &v), v)\n}\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := joinFindings(p.Errors(), nil), "6:2: package gopkg.in/yaml.v3 is not available in the playground"; got != want {
		t.Errorf("errors %q, want %q", got, want)
	}
}
