package assets

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
)

// A Go file a program embeds as text (the engine's lowerlib/helpers.go,
// whose declarations the source pass appends to programs) is carried by
// the module whole, its comments too, which the program never reads: they
// cost the interpreter's module about 2 KB gzipped, against its budget
// (generator's TestPlaygroundBudgets). uncommentedOverlay writes a copy
// of each such file with its comments left out, printed by go/format
// from the file parsed without them, for BuildWasm's overlay; go:embed
// reads the overlay's copy.
func uncommentedOverlay(moduleDir, dir string, files []string) (map[string]string, error) {
	replace := map[string]string{}
	for i, rel := range files {
		// Absolute: the go command reads the overlay from ModuleDir.
		orig, err := filepath.Abs(filepath.Join(moduleDir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		src, err := os.ReadFile(orig)
		if err != nil {
			return nil, fmt.Errorf("embedded Go source: %w", err)
		}
		out, err := uncommented(orig, src)
		if err != nil {
			return nil, err
		}
		// Numbered: two embedded files may share a base name.
		dst := filepath.Join(dir, fmt.Sprintf("uncommented-%d-%s", i, filepath.Base(orig)))
		if err := os.WriteFile(dst, out, 0o644); err != nil {
			return nil, err
		}
		replace[orig] = dst
	}
	return replace, nil
}

// uncommented is src, a Go file, printed without its comments. Build
// constraints and directives are comments too: a file that has one is
// refused rather than built otherwise than it says.
func uncommented(name string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	withComments, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("embedded Go source: %w", err)
	}
	for _, g := range withComments.Comments {
		for _, c := range g.List {
			if bytes.HasPrefix([]byte(c.Text), []byte("//go:")) || bytes.HasPrefix([]byte(c.Text), []byte("//line ")) {
				return nil, fmt.Errorf("embedded Go source: %s: a directive (%s) would be lost with the comments: keep directives out of files the engine embeds", fset.Position(c.Pos()), c.Text)
			}
		}
	}
	fset = token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("embedded Go source: %w", err)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, fmt.Errorf("embedded Go source: %s: %w", name, err)
	}
	return b.Bytes(), nil
}
