package engine

import (
	"go/parser"
	"go/token"
)

// Prepare is the source pass between the reader's code and the
// interpreter. Today it only checks that the source parses, so syntax
// errors get Go's own wording and position; lowering of constructs the
// interpreter lacks (range over int, min/max, per-iteration loop
// variables) plugs in here, shared by the build and the browser.
func Prepare(src string) (string, error) {
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, "main.go", src, parser.SkipObjectResolution); err != nil {
		return "", err
	}
	return src, nil
}
