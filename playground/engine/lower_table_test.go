package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The table holds to its form: each rewrite is a function of its own
// file, lower_<name>.go (the name lowercased), whose doc comment starts
// "<function>, named <name>: " and says what the rewrite does, with its
// own test file of cases, lower_<name>_test.go (TestRewriteCases runs
// them); names are unique (a clash names them).
func TestRewritesAreDocumented(t *testing.T) {
	fset := token.NewFileSet()
	table, err := parser.ParseFile(fset, "lower.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string]string{} // rewrite name -> function
	ast.Inspect(table, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || vs.Names[0].Name != "rewrites" {
			return true
		}
		for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
			entry := e.(*ast.CompositeLit)
			name, err := strconv.Unquote(entry.Elts[0].(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			funcs[name] = entry.Elts[1].(*ast.Ident).Name
		}
		return false
	})
	if len(funcs) != len(rewrites) {
		t.Fatalf("read %d rewrites in lower.go's table, %d run", len(funcs), len(rewrites))
	}
	seen := map[string]bool{}
	for _, r := range rewrites {
		if seen[r.name] {
			t.Errorf("two rewrites are named %s", r.name)
		}
		seen[r.name] = true
		file := "lower_" + strings.ToLower(r.name) + ".go"
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			t.Errorf("rewrite %s: %v", r.name, err)
			continue
		}
		fn := funcs[r.name]
		found := false
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != fn {
				continue
			}
			found = true
			if doc := fd.Doc.Text(); !strings.HasPrefix(doc, fn+", named "+r.name+": ") || len(doc) < 80 {
				t.Errorf("%s: %s has no doc comment saying what yaegi gets wrong and what the rewrite does (%q)", file, fn, doc)
			}
		}
		if !found {
			t.Errorf("%s does not declare %s, rewrite %s's function", file, fn, r.name)
		}
		if _, err := os.Stat(strings.TrimSuffix(file, ".go") + "_test.go"); err != nil {
			t.Errorf("rewrite %s has no test file of cases: %v", r.name, err)
		}
	}
}
