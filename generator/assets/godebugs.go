package assets

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
)

// Godebugs are the GODEBUG settings the toolchain's go command takes in a
// //go:debug line, read from its GOROOT's internal/godebugs table (which
// no package outside the standard library may import): the exact engine
// builds without the go command, so the page checks a program's lines
// against these (guard.js), failing where go build fails.
type Godebugs struct {
	Known   []string       `json:"known"`   // sorted
	Removed map[string]int `json:"removed"` // minor version that removed it: 24 for Go 1.24
}

// ReadGodebugs reads the table of the Go that builds the toolchain.
func ReadGodebugs(ctx context.Context, moduleDir string) (*Godebugs, error) {
	goroot, _, err := goEnv(ctx, moduleDir)
	if err != nil {
		return nil, err
	}
	return godebugsOf(filepath.Join(goroot, "src", "internal", "godebugs", "table.go"))
}

// godebugsOf reads the Name of each element of the table's All and
// Removed, and Removed's Removed.
func godebugsOf(file string) (*Godebugs, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return nil, err
	}
	g := &Godebugs{Removed: map[string]int{}}
	for _, list := range []string{"All", "Removed"} {
		var spec *ast.ValueSpec
		if obj := f.Scope.Lookup(list); obj != nil {
			spec, _ = obj.Decl.(*ast.ValueSpec)
		}
		if spec == nil || len(spec.Values) != 1 {
			return nil, fmt.Errorf("%s: no var %s = []T{...}: the Go release changed internal/godebugs; update assets.godebugsOf", file, list)
		}
		lit, _ := spec.Values[0].(*ast.CompositeLit)
		if lit == nil {
			return nil, fmt.Errorf("%s: %s is no composite literal: update assets.godebugsOf", file, list)
		}
		for _, e := range lit.Elts {
			fields := map[string]string{}
			if el, ok := e.(*ast.CompositeLit); ok {
				for _, kv := range el.Elts {
					if kv, ok := kv.(*ast.KeyValueExpr); ok {
						if v, ok := kv.Value.(*ast.BasicLit); ok {
							fields[fmt.Sprint(kv.Key)] = v.Value
						}
					}
				}
			}
			name, err := strconv.Unquote(fields["Name"])
			if err != nil {
				return nil, fmt.Errorf("%s: an element of %s without a Name string: update assets.godebugsOf", file, list)
			}
			if list == "All" {
				g.Known = append(g.Known, name)
				continue
			}
			if g.Removed[name], err = strconv.Atoi(fields["Removed"]); err != nil {
				return nil, fmt.Errorf("%s: %s's Removed is no integer: update assets.godebugsOf", file, name)
			}
		}
	}
	slices.Sort(g.Known)
	if len(g.Known) == 0 {
		return nil, fmt.Errorf("%s: All lists no setting: update assets.godebugsOf", file)
	}
	return g, nil
}
