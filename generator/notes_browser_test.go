package generator

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserPlatformNote: a program that reads runtime.GOOS prints "js"
// in the page, where go run prints the machine's; the note under the
// playground says so for the code that ran, not only for the author's.
// Reset puts back the author's code and its notes: none about the run
// before, under the code or under its output (a note on the engine).
func TestBrowserPlatformNote(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	said := func() string { return browser.Get(t, tab, 10*time.Second, chromedp.TextContent(root+` [data-notes]`)) }
	engineSaid := func() string {
		return browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[string](`document.querySelector('`+root+` [data-engine-note]').textContent`))
	}
	authors := said()
	if strings.Contains(authors, "GOOS") {
		t.Fatalf("before the run, the author's program reads no GOOS, and the note says %q", authors)
	}
	// Bytes that are not UTF-8 get a note on the engine under the output.
	typeCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOOS, runtime.GOARCH, \"\\xff\")\n}\n")
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "js wasm \uFFFD\n" {
		t.Fatalf("state %s, output %q, status %q", state, output, status)
	}
	if n := said(); !strings.Contains(n, `runtime.GOOS is "js"`) {
		t.Errorf("after a run that read runtime.GOOS, the note says %q", n)
	}
	if n := engineSaid(); !strings.Contains(n, "not UTF-8") {
		t.Errorf("after a run that wrote bytes that are not UTF-8, the note on the engine says %q", n)
	}
	clickAction(t, tab, root, "reset")
	if n := said(); n != authors {
		t.Errorf("after Reset, the note says %q; want the author's program's, %q", n, authors)
	}
	if n := engineSaid(); n != "" {
		t.Errorf("after Reset, the note on the engine still says %q", n)
	}
	typeCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOOS)\n}\n")
	if state, output, status := runPlayground(t, tab, id, 60*time.Second); state != "done" || output != "js\n" {
		t.Fatalf("state %s, output %q, status %q", state, output, status)
	}
	typeCode(t, tab, id, "package main\n\nfunc main() {}\n")
	if state, _, status := runPlayground(t, tab, id, 60*time.Second); state != "done" {
		t.Fatalf("state %s, status %q", state, status)
	}
	if n := said(); strings.Contains(n, "GOOS") {
		t.Errorf("after a run of a program that reads no GOOS, the note still says %q", n)
	}
}

// TestBrowserPlatformNotesOfTheLibrary: a program that reads its build
// (debug.ReadBuildInfo), loads a time zone (time.LoadLocation) or asks
// the page size (os.Getpagesize) gets in the page what the browser has,
// not what go run finds on its machine; the note under the playground
// says so for each, and for none it does not use.
func TestBrowserPlatformNotesOfTheLibrary(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	notes := `[data-playground="` + id + `"] [data-notes]`
	for _, c := range []struct{ call, imp, note, output string }{
		{"_, _ = debug.ReadBuildInfo()", "\"runtime/debug\"", "debug.ReadBuildInfo describes", ""},
		{"_, _ = time.LoadLocation(\"Europe/Paris\")", "\"time\"", "no time zone database", ""},
		{"_ = os.Getpagesize()", "\"os\"", "65536", ""},
		// A program that carries its own zone database finds the zone,
		// as under go run: no note says otherwise.
		{"l, err := time.LoadLocation(\"Europe/Paris\")\nfmt.Println(time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC).In(l).Format(\"15:04 MST\"), err)",
			"(\n\"fmt\"\n\"time\"\n_ \"time/tzdata\"\n)", "", "13:00 CET <nil>\n"},
	} {
		typeCode(t, tab, id, "package main\n\nimport "+c.imp+"\n\nfunc main() {\n"+c.call+"\n}\n")
		_, output, status := runPlayground(t, tab, id, 120*time.Second)
		if c.output != "" && output != c.output {
			t.Errorf("%s: printed %q (%s); want %q", c.call, output, status, c.output)
		}
		n := browser.Get(t, tab, 10*time.Second, chromedp.TextContent(notes))
		if !strings.Contains(n, c.note) {
			t.Errorf("after a run of %s, the note says %q; want it to say %q", c.call, n, c.note)
		}
		for _, other := range []string{"debug.ReadBuildInfo describes", "no time zone database", "65536"} {
			if other != c.note && strings.Contains(n, other) {
				t.Errorf("after a run of %s, the note says %q, about a call the program does not make", c.call, n)
			}
		}
	}
}
