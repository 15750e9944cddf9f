package engine

import (
	"fmt"
	"sort"
	"strings"
)

// AsGoRun gives the check's and the interpreter's compile errors as go
// run prints them: with header, the package's line first (go run prints
// it above the compiler's messages, not above its own "is not a main
// package"); the file named from the directory go runs in before each
// position, a position in an error's details too; and, as the compiler
// stops, at most maxErrors errors, the last followed by "too many
// errors" at its position.
func AsGoRun(msg string, header bool) string {
	var b strings.Builder
	if header && !strings.HasPrefix(msg, "package command-line-arguments is not a main package") {
		b.WriteString("# command-line-arguments\n")
	}
	n := 0
	for _, l := range strings.SplitAfter(msg, "\n") {
		if detail, ok := strings.CutPrefix(l, "\t"); ok {
			// A line of the error above's details, positioned or not
			// ("\t5:6: other declaration of f").
			if _, _, ok := ErrorPosition(detail); ok {
				l = "\t./main.go:" + detail
			}
			b.WriteString(l)
			continue
		}
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

// ByPosition lists the check's errors (Prepared.Errors) and the
// interpreter's more (Prepared.MoreErrors) in the order of their
// positions, as go build lists errors; a line of an error's details
// (led by a tab) stays under its error.
func ByPosition(errs []Finding, more string) string {
	var entries []string
	for _, l := range strings.Split(more, "\n") {
		if strings.HasPrefix(l, "\t") && len(entries) > 0 {
			entries[len(entries)-1] += "\n" + l
			continue
		}
		entries = append(entries, l)
	}
	for _, f := range errs {
		entries = append(entries, f.String())
	}
	sort.SliceStable(entries, func(i, j int) bool {
		li, ci, _ := ErrorPosition(entries[i])
		lj, cj, _ := ErrorPosition(entries[j])
		return li < lj || li == lj && ci < cj
	})
	return strings.Join(entries, "\n") + "\n"
}
