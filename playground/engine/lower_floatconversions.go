package engine

import (
	"go/ast"
	"go/token"
	"go/types"
)

// floatConversionRewrite, named floatConversions: the conversion of a
// float to an integer type whose value it cannot hold (NaN, ±Inf, 1e20 to
// int32) is implementation-dependent in the spec; go run on amd64 gives
// what CVTTSD2SQ and CVTTSD2SL give, the "integer indefinite" -1<<63 or
// -1<<31 (int64(math.Inf(1)) is -9223372036854775808), where the
// interpreter under js/wasm saturates (9223372036854775807), nothing
// said (stranger4's S1). So each conversion go/types sees from a float
// type to an integer type that is not a constant becomes the integer
// conversion of a helper's result that computes what cmd/compile emits
// on amd64 (ssagen's conv and floatToUint, AMD64.rules' Cvt*, with
// ConvertHash off as it is by default), T(_lowerF2I32(float64(x))):
// through int32 for int8, int16, int32, uint8 and uint16; through int64
// for int, int64 and uint32; and for uint, uint64 and uintptr
// _lowerF2U64, which converts x - 1<<63 when x is not below 1<<63. A
// float32's conversions are its float64's (the widening is exact, and
// CVTTSS2S* truncate as CVTTSD2S* do). Conversions to or from a type
// parameter stay as they are; so does every conversion of a program that
// declares its own float64. A conversion costs the interpreter a call
// now (a loop of 300,000 shift checks ran in 1.5 to 3 s, lower_shiftcounts.go).
func floatConversionRewrite(l *lowering, s *syntax) {
	if l.info == nil {
		return
	}
	for id, obj := range l.info.Defs {
		if obj != nil && id.Name == "float64" {
			return
		}
	}
	for _, c := range s.calls {
		if len(c.Args) != 1 || !l.info.Types[c.Fun].IsType() || l.info.Types[c].Value != nil {
			continue
		}
		to, ok := l.info.TypeOf(c).Underlying().(*types.Basic)
		if !ok || to.Info()&types.IsInteger == 0 {
			continue
		}
		x := c.Args[0]
		from, ok := l.info.TypeOf(x).Underlying().(*types.Basic)
		if !ok || from.Info()&types.IsFloat == 0 || from.Info()&types.IsUntyped != 0 {
			continue
		}
		helper := "_lowerF2I64"
		switch to.Kind() {
		case types.Int8, types.Int16, types.Int32, types.Uint8, types.Uint16:
			helper = "_lowerF2I32"
		case types.Uint, types.Uint64, types.Uintptr:
			helper = "_lowerF2U64"
		}
		l.use(helper)
		if types.Identical(l.info.TypeOf(x), types.Typ[types.Float64]) {
			l.wrap(x, helper+"(", ")")
		} else {
			l.wrap(x, helper+"(float64(", "))")
		}
	}
}

// floatConversionsLeft announces the conversions between a float and an
// integer type that floatConversions leaves: those to or from a type
// parameter (To[T ~int64](f float64) T { return T(f) } gave js/wasm's
// saturated value, stranger4's S1b; written as a helper's call, T would
// be the enclosing function's type parameter, which the interpreter's
// generic calls panic on), and every one of a program that declares its
// own float64.
func floatConversionsLeft(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	ownFloat := false
	for id, obj := range info.Defs {
		if obj != nil && id.Name == "float64" {
			ownFloat = true
		}
	}
	var out []Finding
	ast.Inspect(file, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || !info.Types[c.Fun].IsType() || info.Types[c].Value != nil {
			return true
		}
		to, from := info.TypeOf(c), info.TypeOf(c.Args[0])
		if to == nil || from == nil || !mayBe(to, types.IsInteger) || !mayBe(from, types.IsFloat) {
			return true
		}
		_, toParam := to.(*types.TypeParam)
		_, fromParam := from.(*types.TypeParam)
		if toParam || fromParam || ownFloat {
			p := fset.Position(c.Pos())
			out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "float conversion",
				Message: "a float converted to an integer type that cannot hold it gives -1<<63 under go run on amd64, and here the value of the js/wasm build; the source pass gives the interpreter amd64's value, but not through a type parameter"})
		}
		return true
	})
	return out
}

// mayBe reports whether a value of type t may be of a basic type with
// the property: t's own, or a term of a type parameter's constraint (one
// without terms may be anything).
func mayBe(t types.Type, prop types.BasicInfo) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		iface, ok := t.Constraint().Underlying().(*types.Interface)
		if !ok {
			return true
		}
		return termsMayBe(iface, prop, 0)
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&prop != 0 && b.Info()&types.IsUntyped == 0
}

func termsMayBe(iface *types.Interface, prop types.BasicInfo, depth int) bool {
	if depth > 10 {
		return true
	}
	terms := false
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			terms = true
			for j := range e.Len() {
				if u, ok := e.Term(j).Type().Underlying().(*types.Interface); ok {
					if termsMayBe(u, prop, depth+1) {
						return true
					}
					continue
				}
				if mayBe(e.Term(j).Type(), prop) {
					return true
				}
			}
		default:
			if u, ok := e.Underlying().(*types.Interface); ok {
				if termsMayBe(u, prop, depth+1) {
					return true
				}
				continue
			}
			terms = true
			if mayBe(e, prop) {
				return true
			}
		}
	}
	return !terms
}
