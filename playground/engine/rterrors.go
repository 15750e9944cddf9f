package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"runtime"
	"strconv"
	"strings"
)

// A runtime error the interpreter raises itself reads in its words, not
// Go's: a failed type assertion as yaegi's "33:7: interface conversion:
// ...", a nil pointer dereference as one of reflect's ("reflect: call of
// reflect.Value.Field on zero Value"). A program that recovers one sees
// those words, and a value that is no runtime.Error. goRuntimeError gives
// it Go's own value instead, made by Go's runtime (the same failure, in
// compiled code), where what Go's would be is known without doubt; the
// rest is handed over (inInterpretersWords).

// yaegi is the interpreter's package, whose functions panicSite names.
const yaegi = "github.com/traefik/yaegi/interp."

// nilDerefWords are, for a function of the interpreter (yaegi v0.16.1),
// reflect's words for a panic there that means a nil pointer or
// interface: a field through a pointer (getPtrIndexSeq, Elem of a nil
// pointer is the zero Value), through a nil embedded pointer
// (FieldByIndex's own words), a method of an interface (getMethodByName,
// a nil interface is a zero Value there), a call of a function value
// (call's callee). TestRecoveredRuntimeErrors fails when an upgrade
// renames one.
func nilDerefWords(site string) string {
	switch strings.TrimPrefix(site, yaegi) {
	case "getPtrIndexSeq.func1", "getPtrIndexSeq.func2":
		return "reflect: call of reflect.Value.Field on zero Value"
	case "getIndexSeq.func1", "getIndexSeq.func2":
		return "reflect: indirection through nil pointer to embedded struct"
	case "getMethodByName.func1":
		return "reflect: call of reflect.Value.Interface on zero Value"
	case "call.func9.2":
		return "reflect.Value.Call: call of nil function"
	}
	return "-"
}

// panicSite names the function that raised the panic being recovered,
// the first one past reflect's and the runtime's, for a recover in a
// deferred call: walking out from the caller, the panic's gopanic frame
// comes first (the deferred call runs above it), then what panicked. The
// interpreter passes a panic on from each of its frames by panicking
// again (runCfg's deferred function): the walk goes on past those.
func panicSite() string {
	pcs := make([]uintptr, 256)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case !panicking || strings.HasPrefix(f.Function, "reflect.") || strings.HasPrefix(f.Function, "runtime."):
		case f.Function == yaegi+"runCfg.func1":
			panicking = false
		default:
			return f.Function
		}
		if !more {
			return ""
		}
	}
}

// goRuntimeError returns the value Go's runtime panics with where the
// interpreter panicked with v, raised at site (panicSite), and false when
// that is not known without doubt.
func (p *Prepared) goRuntimeError(v any, site string) (any, bool) {
	msg, ok := v.(string)
	if err, isError := v.(error); isError {
		msg, ok = err.Error(), true
	}
	if !ok || !strings.HasPrefix(site, yaegi) {
		return nil, false
	}
	if nilDerefWords(site) == msg {
		return nilDereference(), true
	}
	l, c, concrete, asserted, ok := yaegiAssertionParts(msg)
	if !ok || !strings.HasPrefix(site, yaegi+"typeAssert.") {
		return nil, false
	}
	line, _ := strconv.Atoi(l)
	col, _ := strconv.Atoi(c)
	line, col = p.pm.position(line, col)
	// yaegi names a value of the program's type MyInt by its underlying
	// type, int: a basic type the program gives a name to is in doubt.
	if p.asserts[[2]int{line, col}] != asserted || p.named[concrete] {
		return nil, false
	}
	return failedAssertion(concrete, asserted)
}

// typeInDoubt reports whether v, a recovered value the interpreter got
// from Go's runtime, names a type otherwise than go run would (typeWords):
// the interpreter's types have no names, and its structs' unexported
// fields are renamed X<name> (r02: "comparing uncomparable type struct {
// Xname string; Xf []int }" where go run says main.T), so a type of the
// program's or a struct is in doubt; so are the words with a colon, which
// the interpreter gives also for an assignment to an empty map, where go
// run gives "runtime error: hash of unhashable type main.Outer" (r04).
// []int or [1]func() named in a program that declares no type are Go's.
func (p *Prepared) typeInDoubt(v any) bool {
	err, ok := v.(error)
	if !ok {
		return false
	}
	colon, typ, ok := typeWordsParts(err.Error())
	return ok && (colon || p.ownTypes || strings.Contains(typ, "struct"))
}

// assertions records, by position, the type assertions x.(T) of the
// reader's program that yaegi words as Go does when they fail: x of the
// empty interface type (not a named one, which Go names), T a basic
// type, by its runtime name (uint8 for byte). named are the basic types
// the program names (type MyInt int), which yaegi calls by their
// underlying type's name. ownTypes says the program declares a type.
func assertions(fset *token.FileSet, info *types.Info) (asserts map[[2]int]string, named map[string]bool, ownTypes bool) {
	asserts, named = map[[2]int]string{}, map[string]bool{}
	for n := range info.Types {
		e, ok := n.(*ast.TypeAssertExpr)
		if !ok || e.Type == nil {
			continue
		}
		x, ok := types.Unalias(info.Types[e.X].Type).(*types.Interface)
		t, basic := types.Unalias(info.Types[e.Type].Type).(*types.Basic)
		if ok && x.Empty() && basic {
			pos := fset.Position(e.Pos())
			asserts[[2]int{pos.Line, pos.Column}] = types.Typ[t.Kind()].Name()
		}
	}
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
			_, isParam := tn.Type().(*types.TypeParam)
			ownTypes = ownTypes || !isParam
			if b, ok := tn.Type().Underlying().(*types.Basic); ok {
				named[types.Typ[b.Kind()].Name()] = true
			}
		}
	}
	return asserts, named, ownTypes
}

// nilPointer is nil, read through by nilDereference.
var nilPointer *int

// nilDereference returns what Go's runtime panics with for a nil pointer
// dereference.
func nilDereference() (r any) {
	defer func() { r = recover() }()
	_ = *nilPointer
	return nil
}

// basics holds a value of each basic type yaegi may name in an
// assertion's words (uintptr and the complex types are left out).
var basics = []any{false, "", 0, int8(0), int16(0), int32(0), int64(0),
	uint(0), uint8(0), uint16(0), uint32(0), uint64(0), float32(0), float64(0)}

// failedAssertion returns the *runtime.TypeAssertionError of asserting
// an interface{} holding a value of type concrete (or nil) to asserted,
// one of the basic types programs assert to most: each case costs the
// interpreter's WebAssembly, which is near its budget, some 50 bytes
// gzipped; an assertion to another is handed over.
func failedAssertion(concrete, asserted string) (r any, ok bool) {
	var x any
	for _, b := range basics {
		if reflect.TypeOf(b).String() == concrete {
			x, ok = b, true
		}
	}
	if !ok && concrete != "nil" || concrete == asserted {
		return nil, false
	}
	defer func() { r = recover(); ok = r != nil }()
	switch asserted {
	case "bool":
		_ = x.(bool)
	case "string":
		_ = x.(string)
	case "int":
		_ = x.(int)
	case "int32":
		_ = x.(int32)
	case "int64":
		_ = x.(int64)
	case "uint8":
		_ = x.(uint8)
	case "float64":
		_ = x.(float64)
	}
	return nil, false
}
