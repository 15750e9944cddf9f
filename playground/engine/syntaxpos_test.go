package engine

import (
	"strings"
	"testing"
)

// TestCheckSyntaxErrorAtEOF: a missing closing brace is reported at the
// line go build names, after the last newline (its words stay go/parser's:
// Automatic lets the Go compiler say a syntax error).
func TestCheckSyntaxErrorAtEOF(t *testing.T) {
	src := "package main\n\nfunc main() {\n\tfor {\n\t}\n"
	_, err := Prepare(src)
	if err == nil {
		t.Fatal("no syntax error")
	}
	if got := cleanError(src, err); !strings.HasPrefix(got, "6:1: ") {
		t.Errorf("got %q, want it at 6:1, where go build says 'syntax error: unexpected EOF, expected }'", got)
	}
}
