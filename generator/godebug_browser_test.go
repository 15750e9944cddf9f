package generator

import (
	"strings"
	"testing"
	"time"
)

// TestBrowserGodebug: a program's //go:debug lines reach the Go
// toolchain's link as go build gives them (-X=runtime.godebugDefault),
// so panicnil=1 prints what go run prints, on the Go toolchain and on
// Automatic, which hands the program over (the interpreter cannot apply
// it); a line go build refuses is refused in its words, and a value of
// characters the page does not pass on, saying so.
func TestBrowserGodebug(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	body := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tpanic(nil)\n}\n"
	code := "//go:debug panicnil=1\n//go:debug asynctimerchan=1\n" + body
	want := goRun(t, code)
	if without := goRun(t, body); want == without {
		t.Fatalf("go run prints %q with panicnil=1 and without: the program shows nothing of the directive", want)
	}
	for _, engine := range []string{"exact", "auto"} {
		pickEngine(t, tab, id, engine)
		setCode(t, tab, id, code)
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		got, note := engineOf(t, tab, id)
		if state != "done" || output != want || got != "exact" {
			t.Errorf("panicnil=1 on %s: state %s, engine %s, output %q (%s), want %q from the Go toolchain", engine, state, got, output, status, want)
		}
		if engine == "auto" && !strings.Contains(note, "1:1, 2:1: the interpreter runs with the page's own settings") {
			t.Errorf("panicnil=1 on auto: the note %q does not name the directives", note)
		}
	}
	pickEngine(t, tab, id, "exact")
	for _, c := range []struct{ name, head, want string }{
		{"unknown", "//go:debug madeup=1\n", "1:1: invalid //go:debug: unknown //go:debug setting \"madeup\""},
		{"removed", "//go:debug x509sha1=1\n", "1:1: invalid //go:debug: use of removed //go:debug setting \"x509sha1\""},
		{"no value", "//go:debug panicnil\n", "1:1: invalid //go:debug: missing key=value"},
		{"repeated", "//go:debug panicnil=1\n//go:debug panicnil=0\n", "2:1: repeated //go:debug for panicnil"},
		{"comma", "//go:debug panicnil=1,asynctimerchan=1\n", "1:1: invalid //go:debug: value contains comma"},
		// A name of JavaScript's Object.prototype is no setting either.
		{"__proto__", "//go:debug __proto__=1\n", "1:1: invalid //go:debug: unknown //go:debug setting \"__proto__\""},
	} {
		goSays := goRunFails(t, c.head+body)
		setCode(t, tab, id, c.head+body)
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if !strings.Contains(goSays, c.want) || state != "error" || !strings.Contains(output, c.want) {
			t.Errorf("%s: state %s, output %q (%s); go run said %q; want both to say %q", c.name, state, output, status, goSays, c.want)
		}
	}
	// go accepts any value without spaces or commas; the page passes on
	// only what a setting's values are made of, and says so.
	setCode(t, tab, id, "//go:debug panicnil=1$(x)\n"+body)
	if state, output, status := runPlayground(t, tab, id, 120*time.Second); state != "error" || !strings.Contains(output, "1:1: //go:debug: go run takes this value; the playground passes on only letters, digits and _ . -") {
		t.Errorf("a value with $( ): state %s, output %q (%s)", state, output, status)
	}
	// cmd/go's ParseGoDebug takes a line with a space or tab anywhere
	// after //go:debug, and a line separator at its end is trimmed.
	for _, head := range []string{"//go:debugger panicnil=1\n", "//go:debug panicnil=1\u2028\n"} {
		setCode(t, tab, id, head+body)
		if state, output, status := runPlayground(t, tab, id, 120*time.Second); state != "done" || output != goRun(t, head+body) || output != "recovered: <nil>\n" {
			t.Errorf("%q: state %s, output %q (%s), want go run's %q", head, state, output, status, "recovered: <nil>\n")
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
