package engine

import "go/ast"

// libCallRewrite, named libCalls: library functions the interpreter lacks
// (generic ones) or runs wrongly (errors.As) become calls of helpers in
// plain Go (package lowerlib).
func libCallRewrite(l *lowering, s *syntax) {
	for _, sel := range s.selectors {
		l.libCall(sel, l.names)
	}
}

// libCalls maps a library function to the helper that replaces it.
var libCalls = map[string]string{
	"errors.As":             "_lowerAs",
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
