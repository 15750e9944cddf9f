package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// The table holds to its form: each rewrite is a variable of its own
// file, lower_<name>.go (the name lowercased), whose doc comment starts
// with the variable's name and says what the rewrite does, and its own
// test file of cases, lower_<name>_test.go (TestRewriteCases runs them);
// names are unique (a clash names them).
func TestRewritesAreDocumented(t *testing.T) {
	fset := token.NewFileSet()
	docs := map[string]string{} // "file var" -> doc
	seen := map[string]bool{}
	for _, r := range rewrites {
		if seen[r.name] {
			t.Errorf("two rewrites are named %s", r.name)
		}
		seen[r.name] = true
		file := "lower_" + strings.ToLower(r.name) + ".go"
		src, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("rewrite %s: %v", r.name, err)
			continue
		}
		f, err := parser.ParseFile(fset, file, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			vs := gd.Specs[0].(*ast.ValueSpec)
			lit, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok || len(lit.Elts) == 0 {
				continue
			}
			if name, ok := lit.Elts[0].(*ast.BasicLit); !ok || name.Value != `"`+r.name+`"` {
				continue
			}
			found = true
			doc := gd.Doc.Text()
			docs[file+" "+vs.Names[0].Name] = doc
			if !strings.HasPrefix(doc, vs.Names[0].Name+", named "+r.name+": ") || len(doc) < 80 {
				t.Errorf("%s: %s has no doc comment saying what yaegi gets wrong and what the rewrite does (%q)", file, vs.Names[0].Name, doc)
			}
		}
		if !found {
			t.Errorf("%s declares no rewrite named %s", file, r.name)
		}
		if _, err := os.Stat(strings.TrimSuffix(file, ".go") + "_test.go"); err != nil {
			t.Errorf("rewrite %s has no test file of cases: %v", r.name, err)
		}
	}
	if len(docs) != len(rewrites) {
		t.Errorf("%d rewrites, %d documented variables", len(rewrites), len(docs))
	}
}
