package engine

import "testing"

// TestRefusedImports: what the exact engine offers passes; what it
// refuses is a compile error in its words, at the import's path, and no
// finding.
func TestRefusedImports(t *testing.T) {
	for _, c := range []struct{ imports, want string }{
		{`_ "fmt"; _ "net/http"; _ "os/exec"; _ "internals/x"`, ""},
		{`_ "reflect"`, "3:11: package reflect is not available in the playground"},
		{`_ "unsafe"`, `3:11: import "unsafe" is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof`},
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

// unsafe is refused at the first use past its layout's functions, under
// the name the program gives it; a program that uses no more is not
// refused, and an unused import of it is go build's error.
func TestRefusedUnsafe(t *testing.T) {
	for _, c := range []struct{ spec, body, want string }{
		{`"unsafe"`, "println(unsafe.Sizeof(1), unsafe.Alignof(1))", ""},
		{`u "unsafe"`, "var s struct{ a, b int8 }\n\tprintln(u.Offsetof(s.b))", ""},
		{`"unsafe"`, "x := 1\n\tprintln(unsafe.Sizeof(x), *(*int)(unsafe.Pointer(&x)))", "7:36: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`u "unsafe"`, "println(u.String(nil, 0))", "6:10: u.String is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`"unsafe"`, "println()", `3:8: "unsafe" imported and not used`},
		// A path with escapes may spell unsafe: held to its rule too.
		{`u "\x75nsafe"`, "println(u.Add(nil, 0))", "6:10: u.Add is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof"},
		{`u "\x75nsafe"`, "println(u.Sizeof(0))", ""},
	} {
		src := "package main\n\nimport " + c.spec + "\n\nfunc main() {\n\t" + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := joinFindings(p.Errors(), nil); got != c.want {
			t.Errorf("import %s; %s: errors %q, want %q", c.spec, c.body, got, c.want)
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
