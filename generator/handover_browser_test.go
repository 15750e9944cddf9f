package generator

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBrowserHandOverWhenSlow: on Automatic, a program that keeps the
// interpreter computing goes to Go early, once the toolchain is there,
// not at the time limit; and deep recursion that the browser's stack
// cannot hold is told with Go's words and a note that says which stack
// ran out (go run, whose stack grows to 1 GB, finishes this one).
func TestBrowserHandOverWhenSlow(t *testing.T) {
	const limit = 20 * time.Second
	tab := channelsPage(t, limit)
	const id = channelsID

	// The Go toolchain, picked: it loads, and the page keeps it.
	pickEngine(t, tab, id, "exact")
	deep := "package main\n\nimport \"fmt\"\n\nfunc depth(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn depth(n-1) + 1\n}\n\nfunc main() {\n\tfmt.Println(depth(1000000))\n}\n"
	typeCode(t, tab, id, deep)
	state, output, status := runPlayground(t, tab, id, 120*time.Second)
	if state != "error" || !strings.Contains(output, "fatal error: stack overflow") {
		t.Errorf("deep recursion, exact: state %s, output %q, status %q", state, output, status)
	}
	if _, note := engineOf(t, tab, id); !strings.Contains(note, "browser") {
		t.Errorf("deep recursion, exact: the note %q does not say that the browser's stack ran out", note)
	}

	// Automatic: the interpreter starts it, and hands it over while it
	// computes, seconds before the limit.
	pickEngine(t, tab, id, "auto")
	heavy := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 300000000; i++ {\n\t\ts += i % 7\n\t}\n\tfmt.Println(s)\n}\n"
	typeCode(t, tab, id, heavy)
	state, output, status = runPlayground(t, tab, id, 120*time.Second)
	engine, note := engineOf(t, tab, id)
	if want := goRun(t, heavy); state != "done" || output != want || engine != "exact" {
		t.Fatalf("heavy loop, automatic: state %s, engine %s, output %q (want %q), status %q, note %q", state, engine, output, want, status, note)
	}
	m := regexp.MustCompile(`computing after (\d+) s`).FindStringSubmatch(note)
	if m == nil {
		t.Fatalf("heavy loop, automatic: the note %q does not say how long the interpreter computed", note)
	}
	if s, _ := strconv.Atoi(m[1]); s >= int(limit/time.Second) {
		t.Errorf("heavy loop, automatic: handed over after %d s, at the limit; want it handed over early", s)
	}
}
