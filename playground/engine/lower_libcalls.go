package engine

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// libCallRewrite, named libCalls: library functions the interpreter lacks
// (generic ones) or runs wrongly become calls of helpers in plain Go
// (package lowerlib).
//
// errors.As and errors.Is become the helpers only where errorsExact says
// they then run as Go's do; elsewhere they stay, and Detect names them.
func libCallRewrite(l *lowering, s *syntax) {
	exact := map[ast.Expr]bool{}
	called := map[ast.Expr]bool{}
	for _, c := range s.calls {
		exact[c.Fun] = l.info != nil && errorsExact(l.info, s.file, c)
		called[c.Fun] = true
	}
	// pkg.Name[T](...): type arguments written for the library's type
	// parameters, which are the helper's only where sameTypeParams says.
	written := map[ast.Expr]bool{}
	ast.Inspect(s.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			written[ast.Unparen(n.X)] = true
		case *ast.IndexListExpr:
			written[ast.Unparen(n.X)] = true
		}
		return true
	})
	for _, sel := range s.selectors {
		if p := l.names[builtin(sel.X)]; p == "errors" {
			// Called directly: passed through a helper's parameter of
			// type error, a value of the program's own type reaches the
			// library without the interpreter's wrapper of error.
			if name := errorsCalls[sel.Sel.Name]; name != "" && exact[sel] {
				l.imports[symbols.LowerPath] = true
				l.replace(sel, name)
			}
			continue
		}
		qualified := l.names[builtin(sel.X)] + "." + sel.Sel.Name
		if written[sel] && !sameTypeParams[qualified] {
			continue // stays the library's, and Detect names it
		}
		if indices, ok := explicitCalls[qualified]; ok {
			if called[sel] {
				l.explicitLibCall(sel, indices)
			}
			continue
		}
		l.libCall(sel, l.names)
	}
}

// errorsCalls are the functions of errors that become the engine's
// (symbols.ErrorsAs, ErrorsIs) where errorsExact says so.
var errorsCalls = map[string]string{"As": "_lowerRT.As", "Is": "_lowerRT.Is"}

// libCalls maps a library function to the helper that replaces it.
var libCalls = map[string]string{
	"slices.Sort":             "_lowerSort",
	"slices.SortFunc":         "_lowerSortFunc",
	"slices.SortStableFunc":   "_lowerSortStableFunc",
	"slices.IsSorted":         "_lowerIsSorted",
	"slices.Min":              "_lowerSlicesMin",
	"slices.Max":              "_lowerSlicesMax",
	"slices.Reverse":          "_lowerReverse",
	"slices.Equal":            "_lowerEqual",
	"slices.Clone":            "_lowerClone",
	"slices.BinarySearch":     "_lowerBinarySearch",
	"slices.Sorted":           "_lowerSorted",
	"slices.Collect":          "_lowerCollect",
	"slices.Insert":           "_lowerInsert",
	"slices.Delete":           "_lowerDelete",
	"slices.DeleteFunc":       "_lowerDeleteFunc",
	"slices.Compact":          "_lowerCompact",
	"slices.CompactFunc":      "_lowerCompactFunc",
	"slices.Replace":          "_lowerReplace",
	"slices.Grow":             "_lowerGrow",
	"slices.Clip":             "_lowerClip",
	"slices.Concat":           "_lowerConcat",
	"slices.Repeat":           "_lowerRepeat",
	"slices.Compare":          "_lowerSlicesCompare",
	"slices.IsSortedFunc":     "_lowerIsSortedFunc",
	"slices.MinFunc":          "_lowerMinFunc",
	"slices.MaxFunc":          "_lowerMaxFunc",
	"slices.BinarySearchFunc": "_lowerBinarySearchFunc",
	"maps.Equal":              "_lowerMapsEqual",
	"maps.EqualFunc":          "_lowerMapsEqualFunc",
	"maps.Keys":               "_lowerMapsKeys",
	"maps.Values":             "_lowerMapsValues",
	"maps.Clone":              "_lowerMapsClone",
	"maps.Copy":               "_lowerMapsCopy",
	"sync.OnceFunc":           "_lowerOnceFunc",
	"sync.OnceValue":          "_lowerOnceValue",
	"sync.OnceValues":         "_lowerOnceValues",
}

// libCall rewrites pkg.Name into its helper when libCalls has one.
func (l *lowering) libCall(sel *ast.SelectorExpr, imports map[string]string) bool {
	name, ok := libCalls[imports[builtin(sel.X)]+"."+sel.Sel.Name]
	if !ok {
		return false
	}
	l.use(name)
	l.replace(sel, name)
	return true
}

// sameTypeParams are the library functions whose helper has the same
// type parameters, in the same order: a call with type arguments written
// (sync.OnceValue[int](f)) is rewritten too. Another's type arguments
// are not the helper's (slices.Sort[[]int] is S; _lowerSort's is E_), so
// such a call stays the library's.
var sameTypeParams = map[string]bool{"slices.Sorted": true, "slices.Collect": true, "sync.OnceValue": true, "sync.OnceValues": true}

// explicitCalls are the library functions whose helper the interpreter
// cannot instantiate from the arguments, with the indices of the
// library's type arguments that are the helper's: slices.Concat's E, met
// only in a variadic parameter ("undefined type for E_"); maps.EqualFunc's
// K, V1 and V2, which it mixes up ("cannot use type map[string]int as
// type map[string]string" when V1 and V2 are both int). The call gets
// them written out, _lowerConcat[int](a, b), from what go/types inferred;
// where they cannot be written (no types, a type the scope does not name,
// a call not made at once), the call stays the library's, and Detect
// names it.
var explicitCalls = map[string][]int{"slices.Concat": {1}, "maps.EqualFunc": {2, 3, 4}}

// explicitLibCall rewrites pkg.Name, called, into its helper with the
// library's type arguments at indices written out.
func (l *lowering) explicitLibCall(sel *ast.SelectorExpr, indices []int) {
	if l.info == nil {
		return
	}
	inst, ok := l.info.Instances[sel.Sel]
	if _, isFunc := inst.Type.(*types.Signature); !ok || !isFunc {
		return
	}
	args, ok := l.writeTypes(inst.TypeArgs, sel.Pos())
	if !ok {
		return
	}
	var list []string
	for _, i := range indices {
		if i >= len(args) {
			return
		}
		list = append(list, args[i])
	}
	name := libCalls[l.names[builtin(sel.X)]+"."+sel.Sel.Name]
	l.use(name)
	l.replace(sel, name+"["+strings.Join(list, ", ")+"]")
}
