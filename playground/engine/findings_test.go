package engine

import (
	"strings"
	"testing"
	"time"
)

// Helpers for the tests of a finding that stands for a bug of the
// interpreter: where Detect finds the construct, and that the interpreter
// still has the bug.

// findingsAt gives the positions (line:col, in order, space-separated) of
// src's findings of one construct.
func findingsAt(src, construct string) string {
	var at []string
	for _, f := range Detect(src) {
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
