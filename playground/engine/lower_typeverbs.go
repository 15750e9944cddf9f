package engine

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/goexpert/gointernals/playground/symbols"
)

// typeVerbRewrite, named typeVerbs: the interpreter's types have no
// names, so fmt's %T prints the program's types otherwise; a %T whose
// argument's type is known is printed as %s of the name Go prints.
func typeVerbRewrite(l *lowering, s *syntax) {
	for _, c := range s.calls {
		if l.info != nil {
			l.typeVerbs(c)
		}
	}
}

// typeVerbs rewrites a call of fmt.Printf, Sprintf, Fprintf, Errorf or
// Appendf whose format is a string literal, when each of its %T and %#v
// has an argument whose type go/types knows (not an interface or a type
// parameter), that of a %#v holding no type of the program or struct
// type: the format goes through _lowerTypeVerbs, which makes
// %s (flags and width kept) of each %T whose argument's type holds a
// type of the program or a struct type, and
// that argument becomes _lowerTypeName(x, "main.Point"), which still
// evaluates x. yaegi v0.16.1 builds the program's types with reflect,
// without names and with an unexported field renamed X<name>: %T of a
// *Stack[point] printed *struct { Xitems []struct { X int; Y int } }
// where go run prints *main.Stack[main.point], of a celsius float64
// float64 where it prints main.celsius, nothing said. Detect leaves a
// literal so rewritten alone (printedTypes), and min or max of a type
// without methods fmt prints.
//
// An argument of %v or %#v that shown takes goes through
// _lowerRT.Show(x, description, functions...), which prints it as Go
// does (symbols/show.go): yaegi's %#v of a Point printed
// struct { X int }{X:1} where go run prints main.Point{X:1}, its
// fmt.Println([]Weekday{1}) 1 where go run calls String, Monday.
func (l *lowering) typeVerbs(c *ast.CallExpr) {
	verbs, args := plusVerbs(l.info, c)
	for i, a := range args {
		desc, fns, ok := shown(l.info.TypeOf(dynamic(l.info, a)), verbs[i], importedQualifier(l.names))
		if ok {
			l.wrap(a, "_lowerRT.Show(", ", "+strconv.Quote(desc)+strings.Join(append([]string{""}, fns...), ", ")+")")
			l.imports[symbols.LowerPath] = true
		}
	}
	lit, args, names, all := typeVerbNames(l.info, c, importedQualifier(l.names))
	if !all || strings.Contains(l.text(lit), "\n") {
		return
	}
	mask := []byte(strings.Repeat("-", len(args)))
	for i, a := range args {
		if names[i] != "" {
			mask[i] = 's'
			l.wrap(a, "_lowerTypeName(", ", "+strconv.Quote(names[i])+")")
		}
	}
	l.use("_lowerTypeVerbs")
	l.use("_lowerTypeName")
	l.wrap(lit, "_lowerTypeVerbs(", ", \""+string(mask)+"\")")
}

// typeVerbNames returns, for a call of fmt's format functions whose
// format is a string literal (qual writes the file's packages, as
// shown takes it), the literal, the arguments it prints and,
// by argument, the name to print for a %T the source pass writes
// (typeVerbs); all says the literal has a %T or a %#v, every %T's
// argument prints Go's name, written or the interpreter's own (a type of
// the library, []int), and every %#v's the interpreter's own.
func typeVerbNames(info *types.Info, c *ast.CallExpr, qual types.Qualifier) (lit *ast.BasicLit, args []ast.Expr, names []string, all bool) {
	verbs, args := fmtVerbs(info, c)
	at, _ := fmtCallee(info, c)
	if verbs == nil || at[0] < 0 {
		return nil, nil, nil, false
	}
	lit, ok := c.Args[at[0]].(*ast.BasicLit)
	if !ok {
		return nil, nil, nil, false
	}
	names = make([]string, len(args))
	for i, v := range verbs {
		t := info.TypeOf(args[i])
		if v != 'T' && v != '#' { // '#': a verb with the # flag (%#v)
			continue
		}
		// A type parameter anywhere in t is named by its instance at run
		// time (Stack[T] prints main.Stack[int]); an interface inside what
		// %#v prints may hold a type of the program ([]any{Point{}}).
		if _, _, ok := shown(info.TypeOf(dynamic(info, args[i])), v, qual); ok && v == '#' {
			all = true // Show prints it
			continue
		}
		if t == nil || types.IsInterface(t) || typeHolds(t, isTypeParam) || v == '#' && typeHolds(t, types.IsInterface) {
			return nil, nil, nil, false
		}
		name, own := reflectName(t, info)
		switch {
		case name == unknownName, own && v == '#':
			return nil, nil, nil, false
		case own:
			names[i] = name
		}
		all = true
	}
	return lit, args, names, all
}

// unknownName is what reflectName does not know.
const unknownName = "\x02"

// reflectName is t as Go's reflect names it, which %T prints
// (main.Point, *main.Pair[int,string], func(main.Vec) main.Vec), and
// whether the interpreter names it otherwise: t holds a type of the
// program or a struct type (the library's generic types are not the
// interpreter's). For those, spelled writes it as reflect does, else it
// is unknownName: a struct type written out with an embedded or tagged
// field, an interface type written out with methods (the interpreter's
// own wrapper to reflect), and a type declared in a function: reflect
// names one declared in a generic function with its type arguments
// (main.box[int]), and a generic type instantiated with one with a
// number the compiler gives it (main.Stack[main.local·1]).
func reflectName(t types.Type, info *types.Info) (string, bool) {
	pathed := false // a package whose path is not its name (math/rand)
	s := types.TypeString(t, func(p *types.Package) string {
		pathed = pathed || p.Path() != p.Name()
		return p.Name()
	})
	if pathed && strings.Contains(s, "[") {
		// reflect names a type argument by its package's path
		// (main.Box[*math/rand.Rand]), a type by its package's name.
		return unknownName, true
	}
	if hasMethodsLiteral(s) {
		// An interface type written out with methods is the
		// interpreter's own wrapper to reflect (interp.valueInterface).
		return unknownName, true
	}
	if !strings.Contains(s, "main.") && !strings.Contains(s, "struct{") {
		return s, false // the interpreter's own name is Go's
	}
	if name, ok := spelled(t); ok {
		return name, true
	}
	return unknownName, true
}

func isTypeParam(t types.Type) bool {
	_, ok := t.(*types.TypeParam)
	return ok
}

// typeHolds reports whether t or a type t is made of (elements, keys,
// fields, type arguments, what a named type is, parameters and results)
// satisfies f.
func typeHolds(t types.Type, f func(types.Type) bool) bool {
	seen := map[types.Type]bool{}
	var walk func(t types.Type) bool
	walk = func(t types.Type) bool {
		if t == nil || seen[t] {
			return false
		}
		seen[t] = true
		if f(t) {
			return true
		}
		switch t := t.(type) {
		case *types.Alias:
			return walk(types.Unalias(t))
		case *types.Pointer:
			return walk(t.Elem())
		case *types.Slice:
			return walk(t.Elem())
		case *types.Array:
			return walk(t.Elem())
		case *types.Chan:
			return walk(t.Elem())
		case *types.Map:
			return walk(t.Key()) || walk(t.Elem())
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				if walk(a) {
					return true
				}
			}
			return walk(t.Underlying())
		case *types.Struct:
			for i := range t.NumFields() {
				if walk(t.Field(i).Type()) {
					return true
				}
			}
		case *types.Signature:
			return walk(t.Params()) || walk(t.Results())
		case *types.Interface:
			for m := range t.Methods() {
				if walk(m.Type()) {
					return true
				}
			}
			for e := range t.EmbeddedTypes() {
				if walk(e) {
					return true
				}
			}
		case *types.Tuple:
			for v := range t.Variables() {
				if walk(v.Type()) {
					return true
				}
			}
		}
		return false
	}
	return walk(t)
}
