package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOwnPredeclared: a program that declares a name the source pass
// writes into its code is announced, with its types and without them;
// fields, methods and the common min and max are not. Nor is a constant
// named iota, which the interpreter reads as declared; a variable is.
func TestOwnPredeclared(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\n"
	for _, c := range []struct {
		src, want string
	}{
		{head + "func recover() any { return \"mine\" }\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { fmt.Println(\"in\"); done <- true }()\n\t<-done\n}\n", "5:6: the program declares its own recover"},
		{head + "func main() {\n\tlen := func(s string) int { return 1 }\n\tfor i, r := range \"héllo\" {\n\t\tfmt.Println(i, r, len(\"x\"))\n\t}\n}\n", "6:2: the program declares its own len"},
		{head + "func main() {\n\tnew := 3\n\tfmt.Println(new)\n}\n", "6:2: the program declares its own new"},
		{head + "type any = interface{}\n\nfunc main() {\n\tvar x any = 1\n\tfmt.Println(x)\n}\n", "5:6: the program declares its own any"},
		{head + "func main() {\n\tiota := 7\n\tfmt.Println(iota * 6)\n}\n", "6:2: the program declares a variable named iota"},
		{head + "var iota = 5\n\nfunc main() {\n\tfmt.Println(iota + 1)\n}\n", "5:5: the program declares a variable named iota"},
		{head + "const iota = 11\n\nfunc main() {\n\tfmt.Println(iota)\n}\n", ""},
		{head + "type T struct{ len int }\n\nfunc (T) string() string { return \"\" }\n\nfunc main() {\n\tmax := 0\n\tmin := 1\n\tfmt.Println(T{}.len, T{}.string(), max, min)\n}\n", ""},
	} {
		got := ""
		for _, f := range Detect(c.src) {
			if f.Construct == "predeclared name declared" {
				got += f.String() + "\n"
			}
		}
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("Detect on\n%s\nsaid %q, want %q", c.src, got, c.want)
		}
		// Without types (go/types could not judge the program), the
		// package's scope.
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "main.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := ownPredeclared(fset, file, nil)
		if atTop := strings.HasPrefix(c.want, "5:"); (len(found) > 0) != atTop {
			t.Errorf("without types, on\n%s\nfound %v", c.src, found)
		}
	}
}

// TestLowererNamesAreTheRewrites': every predeclared name the rewrites'
// text calls or converts with (a string literal in lower*.go holding
// "name(") is in lowererNames, or is one of min, max and clear, left out
// on purpose: a rewrite that starts writing another would otherwise
// leave programs declaring it unannounced.
func TestLowererNamesAreTheRewrites(t *testing.T) {
	files, err := filepath.Glob("lower*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\b([a-z][a-z0-9]*)\(`)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			for _, m := range call.FindAllStringSubmatch(lit.Value, -1) {
				obj := types.Universe.Lookup(m[1])
				if obj == nil || m[1] == "min" || m[1] == "max" || m[1] == "clear" {
					continue
				}
				if !strings.Contains(lowererNames, " "+m[1]+" ") {
					t.Errorf("%s: the rewrites write %s( (%s), which lowererNames lacks", fset.Position(lit.Pos()), m[1], lit.Value)
				}
			}
			return true
		})
	}
}
