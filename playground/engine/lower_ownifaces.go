package engine

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// ownIfaceRewrite, named ownIfaces: v, ok := x.(I), for an interface I
// the program declares, is wrong in yaegi v0.16.1 in both directions: a
// value put in an any as a composite literal (var sh any = Square{3})
// matches none of the program's interfaces, and a T value in an []any
// matched an interface whose methods only *T has. An assertion to a
// concrete type of the program is right (unless two have one structure,
// or the value came through an interface of the library: ownassert.go).
// So where go/types knows every type that can implement I, the assertion
// becomes a function literal asserting x to each in turn, T and *T as
// Go's method sets say:
//
//	a, ok := func(_lowerX any) (I, bool) { _lowerX = _lowerRT.Held(_lowerX, false, "Area"); if _lowerV, ok := _lowerX.(Square); ok { return _lowerV, true }; return nil, false }(x)
//
// _lowerRT.Held (symbols) takes the value out of the interpreter's
// wrapper of a library interface, and hands the run to Go where that
// cannot be exact. Left as they are (and announced by Detect): a program
// with a generic type with methods, or a struct type written out with an
// embedded field (either may implement I by types not known here); I
// implemented by a type declared in a function, by two types of one
// structure, by a type that is not a struct, or by one whose structure a
// struct type written out in the program or a generic type's instance
// has (yaegi's assertion to T matches any value of T's structure).
func ownIfaceRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	var named []*types.Named // the program's types that are not interfaces, in the file's order
	keys := map[string]int{}
	bad := false
	ast.Inspect(s.file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return !bad
		}
		tn, _ := l.info.Defs[ts.Name].(*types.TypeName)
		if tn == nil || tn.IsAlias() || types.IsInterface(tn.Type()) {
			return true
		}
		t := tn.Type().(*types.Named)
		bad = bad || t.TypeParams().Len() > 0 && withMethods(t, false)
		named = append(named, t)
		keys[structure(t, map[*types.Named]bool{})]++
		keys[structure(types.NewPointer(t), map[*types.Named]bool{})]++
		return true
	})
	if bad {
		return
	}
	// yaegi's assertion to T matches any value of T's structure, named
	// or not (3.5 matched type Celsius float64, struct{ s int }{1} type
	// Sq struct{ s int }): the structures of the struct types the program
	// writes out, and of the generic types' instances, must be none of an
	// implementer's, which must be a struct (a value of a basic type, a
	// slice, a map, can come from anywhere).
	declared := map[ast.Expr]bool{}
	for _, d := range s.file.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok && !ts.Assign.IsValid() {
				declared[ts.Type] = true
			}
			return true
		})
	}
	others := map[string]bool{}
	for e, tv := range l.info.Types {
		t := tv.Type
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, isNamed := t.(*types.Named)
		if _, ok := t.(*types.Struct); ok && !declared[e] || isNamed && n.TypeArgs().Len() > 0 {
			others[structure(t, map[*types.Named]bool{})] = true
		}
	}
	literal := false // a struct written out with an embedded field
	ast.Inspect(s.file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if st, ok := ts.Type.(*ast.StructType); ok {
				ast.Inspect(st.Fields, func(m ast.Node) bool { return inspectEmbedded(m, &literal) })
				return false
			}
		}
		return inspectEmbedded(n, &literal)
	})
	if literal {
		return
	}
	for _, ta := range s.commaOK {
		id, ok := ta.Type.(*ast.Ident)
		if !ok {
			continue
		}
		tn, ok := l.info.Uses[id].(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg().Path() != "main" || tn.Parent() != tn.Pkg().Scope() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		it, _ := tn.Type().Underlying().(*types.Interface)
		if !ok || it == nil || it.Empty() || n.TypeParams().Len() > 0 || strings.Contains(l.src[l.off(ta.X.End()):l.off(ta.End())], "\n") {
			continue
		}
		var cases []string
		lossy, exact := false, true
		for _, c := range named {
			for _, t := range []types.Type{c, types.NewPointer(c)} {
				if !types.Implements(t, it) {
					continue
				}
				_, isStruct := c.Underlying().(*types.Struct)
				if !isStruct || others[structure(c, map[*types.Named]bool{})] || c.Obj().Parent() != c.Obj().Pkg().Scope() || keys[structure(t, map[*types.Named]bool{})] > 1 {
					exact = false
				}
				if _, ok := c.Underlying().(*types.Struct); ok && t == types.Type(c) {
					lossy = true
				}
				name := c.Obj().Name()
				if t != types.Type(c) {
					name = "*" + name
				}
				cases = append(cases, "if _lowerV, ok := _lowerX.("+name+"); ok { return _lowerV, true }; ")
			}
		}
		if !exact {
			continue
		}
		var methods []string
		for i := range it.NumMethods() {
			methods = append(methods, it.Method(i).Name())
		}
		held := "false"
		if lossy {
			held = "true"
		}
		l.imports[symbols.LowerPath] = true
		l.wrap(ta, "func(_lowerX any) ("+id.Name+", bool) { _lowerX = _lowerRT.Held(_lowerX, "+held+", \""+strings.Join(methods, " ")+"\"); "+strings.Join(cases, "")+"return nil, false }(", "")
		l.add(edit{pos: l.off(ta.X.End()), end: l.off(ta.End()), text: ")"})
	}
}

// inspectEmbedded sets *found at a struct type with an embedded field.
func inspectEmbedded(n ast.Node, found *bool) bool {
	if st, ok := n.(*ast.StructType); ok {
		for _, f := range st.Fields.List {
			*found = *found || len(f.Names) == 0
		}
	}
	return !*found
}
