package engine

import (
	"go/ast"

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
	for _, c := range s.calls {
		exact[c.Fun] = l.info != nil && errorsExact(l.info, s.file, c)
	}
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
		l.libCall(sel, l.names)
	}
}

// errorsCalls are the functions of errors that become the engine's
// (symbols.ErrorsAs, ErrorsIs) where errorsExact says so.
var errorsCalls = map[string]string{"As": "_lowerRT.As", "Is": "_lowerRT.Is"}

// libCalls maps a library function to the helper that replaces it.
var libCalls = map[string]string{
	"slices.Sort":           "_lowerSort",
	"slices.SortFunc":       "_lowerSortFunc",
	"slices.SortStableFunc": "_lowerSortStableFunc",
	"slices.IsSorted":       "_lowerIsSorted",
	"slices.Min":            "_lowerSlicesMin",
	"slices.Max":            "_lowerSlicesMax",
	"slices.Reverse":        "_lowerReverse",
	"slices.Equal":          "_lowerEqual",
	"slices.Clone":          "_lowerClone",
	"slices.BinarySearch":   "_lowerBinarySearch",
	"slices.Sorted":         "_lowerSorted",
	"slices.Collect":        "_lowerCollect",
	"slices.Insert":         "_lowerInsert",
	"slices.Delete":         "_lowerDelete",
	"maps.Keys":             "_lowerMapsKeys",
	"maps.Values":           "_lowerMapsValues",
	"maps.Clone":            "_lowerMapsClone",
	"maps.Copy":             "_lowerMapsCopy",
	"sync.OnceFunc":         "_lowerOnceFunc",
	"sync.OnceValue":        "_lowerOnceValue",
	"sync.OnceValues":       "_lowerOnceValues",
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
