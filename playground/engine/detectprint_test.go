package engine

import (
	"strings"
	"testing"
)

func TestDetectBuiltinPrintAndGoexit(t *testing.T) {
	src := `package main

import (
	"fmt"
	rt "runtime"
)

func stop() { rt.Goexit() }

func main() {
	println("x", new(int))
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { rt.Goexit() }()
		rt.Goexit()
	}()
	<-done
	print(done)
	fmt.Println()
	rt.Goexit()
}
`
	var got []string
	for _, f := range Detect(src) {
		got = append(got, f.String()[:strings.Index(f.String(), ": ")+2]+f.Construct)
	}
	// A print whose operands are of basic types is lowered
	// (builtinPrints); one with a pointer or a channel, which prints an
	// address, is reported. The goroutine's Goexit (and a deferred one inside it) ends that
	// goroutine alone, as in Go; main's, and stop's (main may call it),
	// are reported.
	want := []string{
		"8:15: goexit outside a goroutine",
		"11:2: builtin print",
		"19:2: builtin print",
		"21:2: goexit outside a goroutine",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Detect found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A program's own println is its own.
	own := "package main\n\nimport \"fmt\"\n\nfunc println(a ...any) { fmt.Println(a...) }\n\nfunc main() {\n\tprintln(1)\n}\n"
	if f := Detect(own); len(f) > 0 {
		t.Errorf("a program's own println: %v", f)
	}
}
