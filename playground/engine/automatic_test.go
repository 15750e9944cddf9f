package engine

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// A reason found at several places is said once, after all of them: a
// reader's note is read, not parsed, and was the same long sentence a
// line (a stranger's program, 2026-12-02).
func TestBeforeRunSaysAReasonOnce(t *testing.T) {
	src := "package main\n\nfunc main() {\n\tvar x any = 1\n\tprintln(x)\n\tprintln(x, x)\n}\n"
	got := BeforeRun(Prepare(src))
	if !strings.HasPrefix(got, "5:2, 6:2: the built-in println") || strings.Count(got, "the built-in println") != 1 || strings.Contains(got, "\n") {
		t.Errorf("BeforeRun = %q; want the reason once, after 5:2, 6:2", got)
	}
}

// Automatic's two halves, which the page and the build share.
func TestBeforeRun(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"plain", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n", ""},
		{"syntax error", "package main\n\nfunc main() {\n", whySyntax},
		// The check's list is go build's: Run reports it, no need of Go.
		{"complete errors", "package main\n\nfunc main() {\n\tx := 1\n}\n", ""},
		// println of an interface prints its words' addresses: the source
		// pass lowers println of basic values only (builtinPrints).
		{"a finding", "package main\n\nfunc main() {\n\tvar x any = 1\n\tprintln(x)\n}\n", "5:2: the built-in println"},
		// What the Go toolchain in the page refuses too stays, refused:
		// no hand-over under a note that it needs the Go compiler.
		{"reflect", "package main\n\nimport (\n\t\"fmt\"\n\t\"reflect\"\n)\n\nfunc main() {\n\tfmt.Println(reflect.TypeOf(1))\n}\n", ""},
		{"unsafe.Pointer", "package main\n\nimport \"unsafe\"\n\nfunc main() {\n\tx := 1\n\tprintln(*(*int)(unsafe.Pointer(&x)))\n}\n", ""},
		// unsafe's layout alone is the toolchain's: the interpreter has
		// no unsafe.
		{"unsafe.Sizeof", "package main\n\nimport \"unsafe\"\n\nfunc main() {\n\tprintln(unsafe.Sizeof(1))\n}\n", "3:8: package unsafe is not available in the interpreter"},
		// Handed over with a conversion of a float to an integer type,
		// which the toolchain in the page computes as js/wasm does.
		{"float conversion", "package main\n\nfunc main() {\n\tvar x any = 1\n\tf := 1e20\n\tprintln(x, int32(f))\n}\n", "6:2: the built-in println writes"},
	} {
		got := BeforeRun(Prepare(c.src))
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) || strings.HasSuffix(got, whyFloats) != (c.name == "float conversion") {
			t.Errorf("%s: BeforeRun = %q; want %q", c.name, got, c.want)
		}
	}
}

func TestHandedOver(t *testing.T) {
	for _, c := range []struct {
		r    Result
		want string
	}{
		{Result{}, ""},
		{Result{Status: 2, Err: errors.New("panic: boom")}, ""},
		{Result{HandOver: "a deadlock"}, "a deadlock"},
		{Result{Refused: true, Status: 1, Err: errors.New("5:2: nil type")}, "5:2: nil type"},
	} {
		if got := c.r.HandedOver(); got != c.want {
			t.Errorf("%+v: HandedOver = %q; want %q", c.r, got, c.want)
		}
	}
}

// A run handed over says too that the toolchain in the page converts a
// float as js/wasm does, when the program converts one to an integer.
func TestHandedOverWithFloats(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"package main\n\nfunc main() {\n\tf := 1e20\n\tpanic(int32(f))\n}\n", whyPanic + whyFloats},
		{"package main\n\nfunc main() {\n\tpanic(1)\n}\n", whyPanic},
	} {
		p, err := Prepare(c.src)
		if err != nil {
			t.Fatal(err)
		}
		res := p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second, HandOver: true})
		if got := res.HandedOver(); got != c.want {
			t.Errorf("%q: HandedOver = %q; want %q", c.src, got, c.want)
		}
	}
}

// A program the check finds no error in, which the interpreter's own
// compiler rejects (here yaegi's "constant definition loop" for typed
// float constants repeated by iota, which Go compiles), is handed over
// with the interpreter's words named as the interpreter's: they say
// nothing about the program.
func TestInterpreterCompileErrorIsTheInterpreters(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nconst (\n\tKB float64 = 1 << (10 * (iota + 1))\n\tMB\n)\n\nfunc main() { fmt.Println(KB, MB) }\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if why := BeforeRun(p, err); why != "" {
		t.Fatalf("handed over before the run (%s): this test no longer reaches the interpreter's compiler", why)
	}
	started := false
	res := p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second, HandOver: true, Started: func() { started = true }})
	if started {
		t.Error("Started was called for a program the interpreter could not compile")
	}
	if got := res.HandedOver(); !strings.HasPrefix(got, "the interpreter could not compile the program (it said 6:2: ") || !strings.Contains(got, "Go compiler has the last word") {
		t.Errorf("HandedOver = %q; want the interpreter's words at the reader's line, named as the interpreter's", got)
	}
	// Without HandOver (the reader picked the interpreter) the run is
	// what it was: a refusal with the interpreter's error.
	res = p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second})
	if !res.Refused || res.HandOver != "" || res.Status != 1 {
		t.Errorf("picked interpreter: %+v; want a refusal with status 1 and no hand-over", res)
	}
}

// yaegi's compiler panics on some programs Go compiles (here a generic
// Sum over a named float type, through a generic Reduce), and yaegi
// recovers the panic as though the program had raised it. It is the
// interpreter's compile failure: handed over as such, not as "the
// program panicked" (a blind pass saw that note), and with the
// interpreter picked, a compile error with status 1, not a panic.
func TestInterpreterCompilerPanicIsNotTheProgramsPanic(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\ntype Number interface{ ~int | ~float64 }\n\nfunc Reduce[T, A any](xs []T, init A, f func(A, T) A) A {\n\tacc := init\n\tfor _, x := range xs {\n\t\tacc = f(acc, x)\n\t}\n\treturn acc\n}\n\nfunc Sum[T Number](xs []T) T { return Reduce(xs, T(0), func(a, b T) T { return a + b }) }\n\ntype Celsius float64\n\nfunc main() { fmt.Println(Sum([]Celsius{1.5, 2})) }\n"
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if why := BeforeRun(p, err); why != "" {
		t.Fatalf("handed over before the run (%s): this test no longer reaches the interpreter's compiler", why)
	}
	started := false
	res := p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second, HandOver: true, Started: func() { started = true }})
	if started {
		t.Error("Started was called for a program whose compile panicked")
	}
	if got := res.HandedOver(); !strings.HasPrefix(got, "the interpreter could not compile the program (it said 19:27: CFG post-order panic") {
		t.Errorf("HandedOver = %q; want the interpreter's compile failure at the reader's line", got)
	}
	var stderr strings.Builder
	res = p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: &stderr, Timeout: 10 * time.Second})
	if !res.Refused || res.Status != 1 || !strings.HasPrefix(stderr.String(), "19:27: ") {
		t.Errorf("picked interpreter: %+v, stderr %q; want a refusal with status 1 and the error at 19:27", res, stderr.String())
	}
}

// Started marks where the program's own time begins, for the page's
// Automatic to measure how long it computes: after the interpreter's
// compile (the tests above: not called when it fails) and before any of
// the program's code, its package variables' initialisers included.
func TestStartedComesBeforeTheProgramsFirstStep(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nvar x = hello()\n\nfunc hello() int { fmt.Println(\"init\"); return 1 }\n\nfunc main() { fmt.Println(\"main\", x) }\n"
	var events []string
	out := writerFunc(func(b []byte) (int, error) {
		events = append(events, strings.TrimSpace(string(b)))
		return len(b), nil
	})
	res := Run(context.Background(), src, Options{Stdout: out, Stderr: io.Discard, Timeout: 10 * time.Second, Started: func() { events = append(events, "started") }})
	if res.Status != 0 || res.Err != nil {
		t.Fatalf("run: %+v", res)
	}
	if got, want := strings.Join(events, ","), "started,init,main 1"; got != want {
		t.Errorf("events %s; want %s", got, want)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// A panic in the interpreter's own words is not said to be the program's:
// yaegi v0.16.1 panics in reflect on the method expression of a promoted
// pointer method ((*Car).Rev), which Go runs (a blind pass saw "the
// program panicked" on such a program). The reason quotes the
// interpreter, bounded.
func TestInterpreterPanicIsNotSaidToBeTheProgramsAlone(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\ntype Engine struct{ rpm int }\n\nfunc (e *Engine) Rev() { e.rpm += 1000 }\n\ntype Car struct{ Engine }\n\nfunc main() {\n\tc := Car{}\n\tex := (*Car).Rev\n\tex(&c)\n\tfmt.Println(c.rpm)\n}\n"
	p, err := Prepare(src)
	if why := BeforeRun(p, err); why != "" {
		t.Fatalf("handed over before the run (%s): this test no longer reaches the interpreter", why)
	}
	res := p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second, HandOver: true})
	if got := res.HandedOver(); !strings.HasPrefix(got, "the interpreter panicked (reflect") || strings.Contains(got, whyPanic) {
		t.Errorf("HandedOver = %q; want the interpreter's panic named as such", got)
	}
	// A program's own panic with such words is the program's.
	p, err = Prepare("package main\n\nfunc main() {\n\tpanic(\"reflect: mine\")\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	res = p.Run(context.Background(), Options{Stdout: io.Discard, Stderr: io.Discard, Timeout: 10 * time.Second, HandOver: true})
	if got := res.HandedOver(); got != whyPanic {
		t.Errorf("the program's panic(\"reflect: mine\"): HandedOver = %q; want %q", got, whyPanic)
	}
	long := "reflect: " + strings.Repeat("é", 1000)
	if got := clipped(long); !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) || len(got) > 210 || !utf8.ValidString(got) {
		t.Errorf("clipped = %q (%d bytes); want the words cut short at a character", got, len(got))
	}
}
