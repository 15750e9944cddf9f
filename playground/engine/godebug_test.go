package engine

import (
	"strings"
	"testing"
)

// TestGodebugHandsOver: a //go:debug line before the package clause
// changes what go run prints (panicnil=1: "recovered: <nil>", where the
// interpreter says "panic called with nil argument"), so Automatic hands
// the program over and names the line; what the go command does not read
// as one is none.
func TestGodebugHandsOver(t *testing.T) {
	body := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) }()\n\tpanic(nil)\n}\n"
	for _, tc := range []struct {
		name, head, want string
	}{
		{"panicnil", "//go:debug panicnil=1\n", "1:1: " + godebugMsg},
		{"asynctimerchan", "// Timers as before Go 1.23.\n//go:debug asynctimerchan=1\n\n", "2:1: " + godebugMsg},
		{"randautoseed", "//go:debug randautoseed=0\n//go:debug panicnil=1\n", "1:1, 2:1: " + godebugMsg},
		{"none", "", ""},
		// cmd/go's ParseGoDebug: a space or tab anywhere after the
		// prefix makes one (go run prints "recovered: <nil>" for this).
		{"debugger", "//go:debugger panicnil=1\n", "1:1: " + godebugMsg},
		{"not a directive", "//go:debugx\n// //go:debug panicnil=1\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Prepare(tc.head + body)
			if got := BeforeRun(p, err); got != tc.want {
				t.Errorf("BeforeRun = %q, want %q", got, tc.want)
			}
		})
	}
	// After the package clause the go command ignores it, and so does
	// the check.
	p, err := Prepare(strings.Replace(body, "import", "//go:debug panicnil=1\nimport", 1))
	if got := BeforeRun(p, err); got != "" {
		t.Errorf("a //go:debug after the package clause: BeforeRun = %q, want \"\"", got)
	}
}
