package engine

import (
	"strings"
	"testing"
	"time"
)

// Helpers for the tests of a finding that stands for a bug of the
// interpreter: where Detect finds the construct, and that the interpreter
// still has the bug.

// declsCase is declarations after a main that prints, and where Detect
// finds one construct in that file ("" for nowhere).
type declsCase struct{ decls, at string }

// reportedAt checks, for each case, where Detect finds construct.
func reportedAt(t *testing.T, construct string, cases []declsCase) {
	t.Helper()
	for _, c := range cases {
		src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n\n" + c.decls
		if got := findingsAt(t, src, construct); got != c.at {
			t.Errorf("%s reported at %q, want %q\n%s", construct, got, c.at, src)
		}
	}
}

// findingsAt gives the positions (line:col, in order, space-separated) of
// src's findings of one construct; a src that does not parse fails the
// test, which would otherwise read as "none found".
func findingsAt(t *testing.T, src, construct string) string {
	t.Helper()
	p, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, f := range p.Findings() {
		if f.Construct == construct {
			at = append(at, f.String()[:strings.Index(f.String(), ": ")])
		}
	}
	return strings.Join(at, " ")
}

// stillDiffers runs main's body in the interpreter and fails when it
// prints goOut, what go run prints: the interpreter then runs the
// construct as Go does (an upgrade of yaegi fixed it), and the finding
// that hands such programs over can go. A finding whose bug is gone only
// costs readers the slow engine; this test says when.
func stillDiffers(t *testing.T, construct, body, goOut string) {
	t.Helper()
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n" + body + "}\n"
	stdout, stderr, res := run(t, src, 5*time.Second)
	if res.Status != 0 {
		t.Fatalf("status %d: %s", res.Status, stderr)
	}
	if stdout == goOut {
		t.Errorf("the interpreter now runs %s as Go does (%q): drop the finding", construct, goOut)
	}
}
