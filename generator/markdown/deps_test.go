package markdown

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoInterpreter: the markdown stage makes snippets (package block's
// model) and proves none, so it must not link what proves them: package
// snippet's validator, the playground's engine, or the interpreter under
// it (yaegi). The go command lists what this package links, directly or
// not.
func TestNoInterpreter(t *testing.T) {
	const module = "github.com/goexpert/gointernals/"
	cmd := exec.Command("go", "list", "-deps", ".")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list -deps: %v\n%s", err, stderr)
	}
	deps := strings.Fields(string(out))
	// The list must be this package's: one without them proves nothing.
	for _, want := range []string{module + "generator/markdown", "github.com/yuin/goldmark", module + "generator/snippet/block"} {
		if !slices.Contains(deps, want) {
			t.Fatalf("go list -deps lists no %s:\n%s", want, out)
		}
	}
	for _, p := range deps {
		if strings.HasPrefix(p, "github.com/traefik/yaegi") || p == module+"generator/snippet" || strings.HasPrefix(p, module+"playground/") {
			t.Errorf("generator/markdown links %s", p)
		}
	}
}
