package engine

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// libIfaceRewrite, named libIfaces: an interface written out in an
// assertion, x.(interface{ Unwrap() []error }), is the interpreter's own
// type, which it matches only against the program's values: a value of
// the library (errors.Join's error, fmt.Errorf's) never matches. Where
// go/types says no type of the program has the interface's methods, so
// that only a value of the library can match, the literal becomes the
// same interface as a type of the library (symbols.UnwrapErrors), which
// the interpreter matches by reflect, as Go does; a comma-ok assertion
// goes through _lowerAssertOK, as commaOK's do (nil crashed).
func libIfaceRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	var own []types.Type
	for _, obj := range l.info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() && !types.IsInterface(tn.Type()) {
			own = append(own, tn.Type(), types.NewPointer(tn.Type()))
		}
	}
	commaOK := map[*ast.TypeAssertExpr]bool{}
	for _, ta := range s.commaOK {
		commaOK[ta] = true
	}
	ast.Inspect(s.file, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		lit, ok := ta.Type.(*ast.InterfaceType)
		it, _ := l.info.TypeOf(ta.Type).(*types.Interface)
		if !ok || it == nil || strings.Contains(l.text(lit), "\n") || strings.Contains(l.src[l.off(ta.X.End()):l.off(ta.End())], "\n") {
			return true
		}
		name := ""
		for lib, m := range libIfaces {
			if it.NumMethods() == 1 && it.NumEmbeddeds() == 0 && it.Method(0).Name() == "Unwrap" && types.TypeString(it.Method(0).Type(), nil) == m {
				name = lib
			}
		}
		if name == "" {
			return true
		}
		for _, t := range own {
			if types.Implements(t, it) {
				return true
			}
		}
		l.imports[symbols.LowerPath] = true
		if commaOK[ta] {
			l.use("_lowerAssertOK")
			l.wrap(ta, "_lowerAssertOK["+name+"](", "")
			l.add(edit{pos: l.off(ta.X.End()), end: l.off(ta.End()), text: ")"})
		} else {
			l.replace(lit, name)
		}
		return true
	})
}

// libIfaces are the library's interfaces of one method Unwrap, by the
// method's signature.
var libIfaces = map[string]string{
	"_lowerRT.UnwrapError":  "func() error",
	"_lowerRT.UnwrapErrors": "func() []error",
}
