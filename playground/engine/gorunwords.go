package engine

import (
	"fmt"
	"strings"
)

// AsGoRun gives the check's and the interpreter's compile errors as go
// run prints them: with header, the package's line first (go run prints
// it above the compiler's messages, not above its own "is not a main
// package"); the file named from the directory go runs in before each
// position; and, as the compiler stops, at most maxErrors errors, the
// last followed by "too many errors" at its position.
func AsGoRun(msg string, header bool) string {
	var b strings.Builder
	if header && !strings.HasPrefix(msg, "package command-line-arguments is not a main package") {
		b.WriteString("# command-line-arguments\n")
	}
	n := 0
	for _, l := range strings.SplitAfter(msg, "\n") {
		line, col, ok := ErrorPosition(l)
		if !ok {
			b.WriteString(l)
			continue
		}
		b.WriteString("./main.go:" + l)
		if n++; n == maxErrors {
			fmt.Fprintf(&b, "./main.go:%d:%d: too many errors\n", line, col)
			break
		}
	}
	return b.String()
}

// maxErrors is how many errors the compiler reports before it stops
// (cmd/compile/internal/base: ErrorfAt, without -e).
const maxErrors = 10

// ErrorPosition reads the "line:col:" that starts a message.
func ErrorPosition(l string) (line, col int, ok bool) {
	if l == "" || l[0] < '0' || l[0] > '9' {
		return 0, 0, false
	}
	_, err := fmt.Sscanf(l, "%d:%d:", &line, &col)
	return line, col, err == nil && line > 0 && col > 0
}
