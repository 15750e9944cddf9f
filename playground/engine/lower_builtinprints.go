package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// builtinPrintRewrite, named builtinPrints: the built-ins print and
// println write to standard error in Go, through the runtime's own
// formatting (runtime/print.go: println spaces its operands, print does
// not; floats print shortest, as strconv's 'g' at their size); yaegi
// v0.16.1 writes them to standard output as fmt's %v, spaced. A call
// whose operands are all of basic types (what go/types says, so a
// program's type MyInt int counts) becomes a call of _lowerPrint or
// _lowerPrintln, each operand converted to the type of its kind the
// helper formats (int64, uint64, float32, float64, bool, string), which
// write Go's text to the program's standard error. An operand of another
// type (a pointer, a slice, an interface) prints an address, which no
// engine but Go's can show, and a complex number is left out to keep the
// interpreter's WebAssembly within its budget: that call is left for
// Detect to name (detectprint.go), as is every call
// when go/types could not check the program, or when the program
// declares a name of one of those types (the conversion would be its).
func builtinPrintRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	for id := range l.info.Defs {
		switch id.Name {
		case "bool", "string", "int64", "uint64", "float32", "float64":
			return
		}
	}
	for _, c := range s.calls {
		name := builtin(c.Fun)
		if name != "print" && name != "println" || c.Ellipsis != token.NoPos {
			continue
		}
		convs := make([]string, len(c.Args))
		basic := true
		for i, a := range c.Args {
			convs[i] = printConversion(l.info, a)
			basic = basic && convs[i] != ""
		}
		if !basic {
			continue
		}
		helper := "_lowerPrint"
		if name == "println" {
			helper = "_lowerPrintln"
		}
		l.use(helper)
		l.replace(c.Fun, helper)
		for i, a := range c.Args {
			l.wrap(a, convs[i]+"(", ")")
		}
	}
}

// printConversion is the type an operand of print is converted to for
// _lowerPrintTo, by its type's kind, or "" for one of another type.
func printConversion(info *types.Info, a ast.Expr) string {
	tv, ok := info.Types[a]
	if !ok || tv.Type == nil {
		return ""
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	if !ok {
		return ""
	}
	switch k := b.Kind(); {
	case b.Info()&types.IsBoolean != 0:
		return "bool"
	case b.Info()&types.IsString != 0:
		return "string"
	case k == types.UntypedInt || k == types.UntypedRune || types.Int <= k && k <= types.Int64:
		return "int64"
	case types.Uint <= k && k <= types.Uintptr:
		return "uint64"
	case k == types.Float32:
		return "float32"
	case k == types.Float64 || k == types.UntypedFloat:
		return "float64"
	}
	return ""
}
