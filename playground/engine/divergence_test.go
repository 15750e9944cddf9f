package engine

import (
	"strings"
	"testing"
	"time"
)

// Measured divergences of yaegi v0.16.1 that Detect cannot see without
// type information (see the package doc). The build still catches them,
// since it compares the interpreter's output with the toolchain's. Each
// case asserts the interpreter still differs: when an upgrade fixes one,
// this test fails, and the package doc must lose that paragraph.
func TestKnownDivergences(t *testing.T) {
	cases := []struct {
		name, body, goPrints string
	}{
		// Printed directly, the source pass gives it its methods
		// (fmtMethods), and in a slice (typeVerbs' Show) when the format
		// is a constant; with another format it does not.
		{"fmt does not call String on an interpreted value in a slice",
			"\tf := \"%v\\n\"\n\tfmt.Printf(f, []sq{{1}})\n", "[sq]\n"},
		{"an interface held in any does not assert to a program's interface",
			"\tvar a any = sq{1}\n\t_, ok := a.(fmt.Stringer)\n\tfmt.Println(ok)\n", "true\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "package main\n\nimport \"fmt\"\n\ntype sq struct{ n int }\n\nfunc (sq) String() string { return \"sq\" }\n\nfunc main() {\n" + tc.body + "}\n"
			stdout, stderr, res := run(t, src, 5*time.Second)
			if res.Status != 0 {
				t.Fatalf("status %d: %s", res.Status, stderr)
			}
			if stdout == tc.goPrints {
				t.Errorf("the interpreter now prints what Go prints (%q): update the package doc", strings.TrimSpace(stdout))
			}
		})
	}
}
