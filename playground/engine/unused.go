package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// unused finds what Go's compiler rejects and the interpreter runs
// anyway: a local variable declared and never used, an import never used
// (measured on yaegi v0.16.1, which printed the program's output where go
// run prints the error; it is what a reader editing an example meets
// most). A label never used is branches.go's. The words are the compiler's, and Run
// reports them as go run reports compile errors (Prepared.Errors),
// without another engine.
//
// Without type information the check keeps to what the parser's
// resolution of identifiers proves, and leans to silence: a variable
// counts as used when any identifier resolves to it outside the left of
// an "=" or ":=" (x++, x += 1, x.f = 1 and s[i] = v read it, as Go
// holds), or when an identifier of the same name is left unresolved (a
// key of a composite literal may be a use the parser cannot see); the
// variable of a type switch is never reported.
func unused(fset *token.FileSet, file *ast.File) []Finding {
	var out []Finding
	report := func(pos token.Pos, msg string) {
		p := fset.Position(pos)
		out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "unused", Message: msg})
	}

	unresolved := map[string]bool{}
	decls := map[*ast.Object]*ast.Ident{} // local variables and where they are declared
	targets := map[*ast.Ident]bool{}      // identifiers assigned to by = or :=
	exempt := map[*ast.Object]bool{}      // type switch variables
	var order []*ast.Object
	inFunc := 0
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false // its name is a declaration, not a use
		case *ast.FuncDecl:
			if n.Recv != nil {
				ast.Inspect(n.Recv, walk)
			}
			ast.Inspect(n.Type, walk) // a package may be used in a signature only
			if n.Body != nil {
				inFunc++
				ast.Inspect(n.Body, walk)
				inFunc--
			}
			return false
		case *ast.FuncLit:
			ast.Inspect(n.Type, walk)
			inFunc++
			ast.Inspect(n.Body, walk)
			inFunc--
			return false
		case *ast.TypeSwitchStmt:
			if as, ok := n.Assign.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj != nil {
						exempt[id.Obj] = true
					}
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						targets[id] = true
					}
				}
			}
		case *ast.Ident:
			if n.Obj == nil {
				unresolved[n.Name] = true
			} else if inFunc > 0 && n.Obj.Kind == ast.Var && n.Name != "_" && declares(n) && decls[n.Obj] == nil {
				decls[n.Obj] = n
				order = append(order, n.Obj)
			}
		}
		return true
	}
	for _, d := range file.Decls {
		ast.Inspect(d, walk)
	}

	used := map[*ast.Object]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil && decls[id.Obj] != id && !targets[id] {
			used[id.Obj] = true
		}
		return true
	})
	for _, obj := range order {
		if !used[obj] && !exempt[obj] && !unresolved[obj.Name] {
			report(decls[obj].Pos(), "declared and not used: "+obj.Name)
		}
	}

	for _, imp := range file.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		name := packageName(path)
		as := ""
		if imp.Name != nil {
			name, as = imp.Name.Name, imp.Name.Name
		}
		// A refused import's one error is the refusal (refused.go): the
		// name a package outside the standard library declares is not
		// known (gopkg.in/yaml.v3 declares yaml).
		if _, refused := refusedSpec(file, imp); name == "_" || name == "." || unresolved[name] || refused != "" {
			continue
		}
		if as != "" {
			report(imp.Pos(), fmt.Sprintf("%q imported as %s and not used", path, as))
		} else {
			report(imp.Pos(), fmt.Sprintf("%q imported and not used", path))
		}
	}
	return out
}

// declares reports whether id is the identifier that declares its object:
// a name of a var declaration or on the left of a := (range included),
// not a parameter or a result.
func declares(id *ast.Ident) bool {
	switch d := id.Obj.Decl.(type) {
	case *ast.ValueSpec:
		for _, n := range d.Names {
			if n == id {
				return true
			}
		}
	case *ast.AssignStmt:
		for _, l := range d.Lhs {
			if l == id {
				return true
			}
		}
	}
	return false
}
