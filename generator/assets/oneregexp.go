package assets

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// oneRegexp is the package regexp the interpreter's module is built
// with: the one expression yaegi's interp compiles (oneregexp/regexp.go
// says why).
//
//go:embed oneregexp/regexp.go
var oneRegexp []byte

// oneRegexpOverlay writes oneRegexp into dir and returns the overlay's
// replacements: the standard library's regexp.go by it, regexp's other
// files of code by nothing. On 2026-12-06, with the engine's own
// expressions written out (playground/engine/textmatch.go), it took the
// gzipped module from 3,507,111 to 3,395,091 bytes.
func oneRegexpOverlay(goroot, dir string) (map[string]string, error) {
	pkg := filepath.Join(goroot, "src", "regexp")
	entries, err := os.ReadDir(pkg)
	if err != nil {
		return nil, fmt.Errorf("regexp for the interpreter: %w", err)
	}
	dst := filepath.Join(dir, "oneregexp.go")
	replace := map[string]string{}
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			replace[filepath.Join(pkg, n)] = ""
		}
	}
	if _, ok := replace[filepath.Join(pkg, "regexp.go")]; !ok {
		return nil, fmt.Errorf("regexp for the interpreter: %s has no regexp.go (update generator/assets/oneregexp.go for this Go release)", pkg)
	}
	replace[filepath.Join(pkg, "regexp.go")] = dst
	return replace, os.WriteFile(dst, oneRegexp, 0o644)
}
