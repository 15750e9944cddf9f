package assets

import "fmt"

// A conversion of a float to an integer it does not fit (out of range, or
// NaN) gives a value the Go spec leaves to the implementation, and the
// site compares its programs with go run on linux/amd64. There the
// conversion is the processor's (CVTTSD2SQ and its kin), which gives the
// integer's smallest value: int64(math.Inf(1)) is -9223372036854775808.
// Go's wasm back end saturates instead (i64.trunc_sat_f64_s): the same
// program printed 9223372036854775807 in the exact engine, and NaN gave
// 0, nothing said (a blind pass, 2026-12-03). The interpreter already
// gives amd64's values (the source pass's floatConversions).
//
// amd64FloatConversions are the changes to the compiler that give the
// exact engine amd64's values, for go build's -overlay beside
// wasmOnlyOverlay's:
//
//   - The wasm lowering of a float-to-signed conversion (Cvt64Fto64,
//     Cvt64Fto32, Cvt32Fto64, Cvt32Fto32) selects the integer's smallest
//     value unless the float is within its range, as amd64 computes.
//   - A float-to-unsigned conversion takes the generic expansion amd64
//     takes (ssagen's floatToUint: below 2^63 the signed conversion, above
//     it the signed conversion of x-2^63 with the top bit set), not wasm's
//     own saturating one; conversions to floats stay wasm's, which round
//     as amd64's do.
//
// Each change must find its text exactly once: a Go release that moves it
// fails the build here, naming the file, rather than ship a compiler that
// silently saturates again.
var amd64FloatConversions = []compilerPatch{
	{"cmd/compile/internal/ssagen/ssa.go", []edit{{
		"if Arch.LinkArch.Family == sys.ARM64 || Arch.LinkArch.Family == sys.Wasm || Arch.LinkArch.Family == sys.S390X || s.softFloat {",
		"if Arch.LinkArch.Family == sys.ARM64 || (Arch.LinkArch.Family == sys.Wasm && !ft.IsFloat()) || Arch.LinkArch.Family == sys.S390X || s.softFloat {",
	}}, ""},
	{"cmd/compile/internal/ssa/rewriteWasm.go", []edit{
		{"\tcase OpCvt32Fto32:\n\t\tv.Op = OpWasmI64TruncSatF32S\n\t\treturn true\n", "\tcase OpCvt32Fto32:\n\t\treturn amd64FloatToInt(v, OpWasmI64TruncSatF32S, 32, true)\n"},
		{"\tcase OpCvt32Fto64:\n\t\tv.Op = OpWasmI64TruncSatF32S\n\t\treturn true\n", "\tcase OpCvt32Fto64:\n\t\treturn amd64FloatToInt(v, OpWasmI64TruncSatF32S, 64, true)\n"},
		{"\tcase OpCvt64Fto32:\n\t\tv.Op = OpWasmI64TruncSatF64S\n\t\treturn true\n", "\tcase OpCvt64Fto32:\n\t\treturn amd64FloatToInt(v, OpWasmI64TruncSatF64S, 32, false)\n"},
		{"\tcase OpCvt64Fto64:\n\t\tv.Op = OpWasmI64TruncSatF64S\n\t\treturn true\n", "\tcase OpCvt64Fto64:\n\t\treturn amd64FloatToInt(v, OpWasmI64TruncSatF64S, 64, false)\n"},
	}, amd64FloatToInt},
}

const amd64FloatToInt = `
// amd64FloatToInt lowers a float-to-signed-integer conversion of bits
// bits as amd64 computes it: (Select (trunc x) (I64Const [min])
// (I64And (Ge x (Const [-2^(bits-1)])) (Lt x (Const [2^(bits-1)])))),
// where NaN fails both comparisons. Written for the site's exact engine
// (generator/assets/floatconv.go).
func amd64FloatToInt(v *Value, trunc Op, bits int, f32 bool) bool {
	x := v.Args[0]
	b := v.Block
	typ := &b.Func.Config.Types
	lim := math.Ldexp(1, bits-1)
	ge, lt, cst, ft := OpWasmF64Ge, OpWasmF64Lt, OpWasmF64Const, typ.Float64
	lo, hi := float64ToAuxInt(-lim), float64ToAuxInt(lim)
	if f32 {
		ge, lt, cst, ft = OpWasmF32Ge, OpWasmF32Lt, OpWasmF32Const, typ.Float32
		lo, hi = float32ToAuxInt(float32(-lim)), float32ToAuxInt(float32(lim))
	}
	v.reset(OpWasmSelect)
	t := b.NewValue1(v.Pos, trunc, typ.Int64, x)
	smallest := b.NewValue0(v.Pos, OpWasmI64Const, typ.Int64)
	smallest.AuxInt = int64ToAuxInt(-1 << (bits - 1))
	c0 := b.NewValue0(v.Pos, cst, ft)
	c0.AuxInt = lo
	c1 := b.NewValue0(v.Pos, cst, ft)
	c1.AuxInt = hi
	in := b.NewValue2(v.Pos, OpWasmI64And, typ.Bool, b.NewValue2(v.Pos, ge, typ.Bool, x, c0), b.NewValue2(v.Pos, lt, typ.Bool, x, c1))
	v.AddArg3(t, smallest, in)
	return true
}
`

// A compilerPatch is a change to a file of the compiler the exact engine
// runs, made by patch: each edit's old, found exactly once, becomes its
// new, and tail is appended.
type compilerPatch struct {
	file  string // under $GOROOT/src
	edits []edit
	tail  string
}

// compilerPatches writes the files the patches change (amd64FloatConversions,
// unsafeConversions) into dir and adds them to replace (go build's
// -overlay: the installed file → its copy). what names the patches in
// errors: a Go release that moves a patch's text fails the build here,
// and so does a file another overlay already changes.
func compilerPatches(goroot, dir, what string, patches []compilerPatch, replace map[string]string) error {
	for _, c := range patches {
		orig, dst, err := patch(goroot, dir, what, c.file, c.edits, c.tail)
		if err != nil {
			return err
		}
		if over, ok := replace[orig]; ok {
			return fmt.Errorf("%s: %s is changed twice, the first time in %s (update generator/assets for this Go release)", what, c.file, over)
		}
		replace[orig] = dst
	}
	return nil
}
