package engine

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// shown says whether the source pass hands fmt an argument of type t,
// printed with verb ('#' for %#v), through playground/lower's Show
// (typeVerbs), and with what: the description of t Show reads and the
// functions that call the methods fmt calls inside it. It does for %v
// and %#v of a type that holds the program's types, where the
// interpreter prints otherwise than Go: %#v writes types' names, %+v
// the names of unexported fields, and fmt calls the String or Error of
// an element, a field or what a pointer points to; not for a type whose
// own method fmt calls (fmtMethods gives it), nor what cannot be
// described (see describe).
//
// verb is '+' for %+v, which alone among %v's prints fields' names.
func shown(t types.Type, verb rune, qual types.Qualifier) (desc string, fns []string, ok bool) {
	plus := verb == '+'
	if plus {
		verb = 'v'
	}
	if !strings.ContainsRune("v#sqxXd", verb) || t == nil || types.IsInterface(t) || typeHolds(t, isTypeParam) || fmtHelper(t, verb) != "" {
		return "", nil, false
	}
	if _, ok := t.(*types.Tuple); ok {
		return "", nil, false
	}
	top := t
	needs := typeHolds(t, func(t types.Type) bool {
		if t != top && !types.IsInterface(t) && fmtCalls(fmtMethodsOf(t), verb) != "" {
			return true // fmt calls its method
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && verb == '#' {
			return true // %#v writes its name
		}
		s, ok := t.(*types.Struct)
		ok = ok && (plus || verb == '#')
		for i := 0; ok && i < s.NumFields(); i++ {
			if f := s.Field(i); !f.Exported() || f.Embedded() || verb == '#' {
				return true
			}
		}
		return false
	})
	if !needs {
		return "", nil, false
	}
	d := describer{verb: verb, qual: qual, fns: map[string]int{}}
	if !d.node(t, 0, false) || d.out.Len() > 4000 {
		return "", nil, false
	}
	return d.out.String(), d.list, true
}

// describer writes the description of a type Show reads (symbols/show.go).
type describer struct {
	verb  rune
	qual  types.Qualifier
	out   strings.Builder
	fns   map[string]int // a function's text, its index in list
	list  []string
	depth int
}

// node describes t, a value at depth (0: the argument itself), in an
// unexported field (ro) or not; false when Show could not print it as
// Go does: a type with a Format method, a %#v of a type whose name is
// not known (a type declared in a function, see reflectName) or of an
// interface (its value's type is the interpreter's), a map whose keys
// hold an interface (fmt sorts them by type), a type holding itself
// other than through a pointer, an embedded field of a generic type.
func (d *describer) node(t types.Type, depth int, ro bool) bool {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 20 || d.out.Len() > 4000 {
		return false
	}
	t = types.Unalias(t)
	sharp := d.verb == '#'
	n, _ := t.(*types.Named)
	if p, ok := t.(*types.Pointer); ok {
		n, _ = types.Unalias(p.Elem()).(*types.Named)
	}
	if n != nil && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") && !types.IsInterface(n) {
		// The library's type (or a pointer to one), which the
		// interpreter has as Go has it, methods too (unless made of the
		// program's, or, under %#v, holding an interface, whose value
		// may be the program's): Show prints it through fmt. (error is
		// an interface, below.)
		d.out.WriteString("d")
		return !typeHolds(t, func(t types.Type) bool {
			n, ok := t.(*types.Named)
			return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" || sharp && types.IsInterface(t)
		})
	}
	has := fmtMethodsOf(t)
	if !types.IsInterface(t) && !ro {
		if has&hasFormat != 0 {
			return false
		}
		if m := fmtCalls(has, d.verb); m != "" && depth > 0 {
			fn := "func(v " + types.TypeString(t, d.qual) + ") string { return v." + m + "() }"
			if strings.Contains(fn, unimported) {
				return false
			}
			i, ok := d.fns[fn]
			if !ok {
				i = len(d.list)
				d.fns[fn] = i
				d.list = append(d.list, fn)
			}
			d.out.WriteString("M" + strconv.Itoa(i) + "|")
			return true
		}
	}
	u := t.Underlying()
	// Under another verb than %v, fmt names a type where the verb does
	// not suit a value (%!d(main.Name=ann)); a slice of bytes prints as
	// a string, a pointer as a number.
	other := d.verb != 'v' && !sharp
	if _, ok := u.(*types.Basic); ok {
		d.out.WriteString("b")
		n, ok := t.(*types.Named)
		return !other || !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main"
	}
	switch u := u.(type) {
	case *types.Pointer, *types.Chan, *types.Signature, *types.Interface:
		if other {
			return false
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 && other {
			return false
		}
	case *types.Array:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 && other {
			return false
		}
	}
	// What %#v prints the name of.
	name, named := spelled(t)
	if sharp && !named {
		return false
	}
	switch u := u.(type) {
	case *types.Pointer:
		if depth == 0 {
			d.out.WriteString("P" + name + "|")
			return d.node(u.Elem(), depth+1, ro)
		}
		d.out.WriteString("p" + name + "|")
	case *types.Chan, *types.Signature:
		d.out.WriteString("p" + name + "|")
	case *types.Interface:
		if sharp {
			return false
		}
		d.out.WriteString("i" + name + "|")
	case *types.Slice:
		d.out.WriteString("a" + name + "|")
		return d.node(u.Elem(), depth+1, ro)
	case *types.Array:
		d.out.WriteString("a" + name + "|")
		return d.node(u.Elem(), depth+1, ro)
	case *types.Map:
		if typeHolds(u.Key(), types.IsInterface) {
			return false
		}
		d.out.WriteString("k" + name + "|")
		return d.node(u.Key(), depth+1, ro) && d.node(u.Elem(), depth+1, ro)
	case *types.Struct:
		d.out.WriteString("s" + name + "|" + strconv.Itoa(u.NumFields()) + "|")
		for i := range u.NumFields() {
			f := u.Field(i)
			if n, ok := types.Unalias(f.Type()).(*types.Named); f.Embedded() && ok && n.TypeArgs().Len() > 0 {
				return false
			}
			if p, ok := types.Unalias(f.Type()).(*types.Pointer); f.Embedded() && ok {
				if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.TypeArgs().Len() > 0 {
					return false
				}
			}
			d.out.WriteString(f.Name() + "|")
		}
		for i := range u.NumFields() {
			f := u.Field(i)
			if !d.node(f.Type(), depth+1, ro || !token.IsExported(f.Name())) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// spelled is t's name as Go's reflect spells it (which %#v prints) and
// whether it is known: not for a type declared in a function, a struct
// type written out with embedded or tagged fields, an interface type
// written out with methods, a channel of a receive-only channel.
func spelled(t types.Type) (string, bool) {
	var b strings.Builder
	ok := spell(&b, t, false)
	return b.String(), ok
}

// spell writes t as reflect does; in a type argument (path), a package
// by its path (main.Box[*math/rand.Rand]).
func spell(b *strings.Builder, t types.Type, path bool) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 {
			return false
		}
		b.WriteString(types.Typ[t.Kind()].Name()) // byte is uint8
		return true
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil { // error
			b.WriteString(obj.Name())
			return true
		}
		if obj.Parent() != obj.Pkg().Scope() {
			return false
		}
		if path {
			b.WriteString(obj.Pkg().Path())
		} else {
			b.WriteString(obj.Pkg().Name())
		}
		b.WriteString("." + obj.Name())
		if t.TypeArgs().Len() == 0 {
			return true
		}
		b.WriteString("[")
		for i := range t.TypeArgs().Len() {
			a := t.TypeArgs().At(i)
			if i > 0 {
				b.WriteString(",")
			}
			if !spell(b, a, true) {
				return false
			}
		}
		b.WriteString("]")
		return true
	case *types.Pointer:
		b.WriteString("*")
		return spell(b, t.Elem(), path)
	case *types.Slice:
		b.WriteString("[]")
		return spell(b, t.Elem(), path)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		return spell(b, t.Elem(), path)
	case *types.Map:
		b.WriteString("map[")
		ok := spell(b, t.Key(), path)
		b.WriteString("]")
		return ok && spell(b, t.Elem(), path)
	case *types.Chan:
		if e, ok := t.Elem().Underlying().(*types.Chan); ok && e.Dir() == types.RecvOnly && t.Dir() == types.SendRecv {
			return false
		}
		b.WriteString([...]string{"chan ", "chan<- ", "<-chan "}[t.Dir()])
		return spell(b, t.Elem(), path)
	case *types.Struct:
		if t.NumFields() == 0 {
			b.WriteString("struct {}")
			return true
		}
		b.WriteString("struct { ")
		for i := range t.NumFields() {
			f := t.Field(i)
			if f.Embedded() || t.Tag(i) != "" {
				return false
			}
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(f.Name() + " ")
			if !spell(b, f.Type(), path) {
				return false
			}
		}
		b.WriteString(" }")
		return true
	case *types.Interface:
		if !t.Empty() {
			return false
		}
		b.WriteString("interface {}")
		return true
	case *types.Signature:
		b.WriteString("func(")
		for i := range t.Params().Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			p := t.Params().At(i).Type()
			if t.Variadic() && i == t.Params().Len()-1 {
				b.WriteString("...")
				p = p.(*types.Slice).Elem()
			}
			if !spell(b, p, path) {
				return false
			}
		}
		b.WriteString(")")
		r := t.Results()
		if r.Len() > 1 {
			b.WriteString(" (")
		} else if r.Len() == 1 {
			b.WriteString(" ")
		}
		for i := range r.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			if !spell(b, r.At(i).Type(), path) {
				return false
			}
		}
		if r.Len() > 1 {
			b.WriteString(")")
		}
		return true
	}
	return false
}

// plusVerbs is fmtVerbs' verbs of c with '+' for a %+v, and for each
// %v of a format that has one.
func plusVerbs(info *types.Info, c *ast.CallExpr) ([]rune, []ast.Expr) {
	verbs, args := fmtVerbs(info, c)
	at, _ := fmtCallee(info, c)
	if verbs == nil || at[0] < 0 {
		return verbs, args
	}
	f := constant.StringVal(info.Types[c.Args[at[0]]].Value)
	k := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.", f[j]) >= 0 {
			j++
		}
		if j < len(f) && f[j] != '%' {
			if verbs[k] == 'v' && strings.Contains(f[i:j], "+") {
				verbs[k] = '+'
			}
			k++
		}
		i = j
	}
	if slices.Contains(verbs, '+') {
		// The run's check (symbols.Printed) looks for an unexported
		// field's name under every %v of a format with a %+v.
		for i, v := range verbs {
			if v == 'v' {
				verbs[i] = '+'
			}
		}
	}
	return verbs, args
}

// unimported is what importedQualifier writes for a package the file
// does not import: a function literal naming a type of it would not
// compile (a Box[*bufio.Reader] the program got by inference).
const unimported = "\x00"

// importedQualifier writes a package by the name the file imports it
// under (names: importNames), and unimported for one it does not import
// by a name.
func importedQualifier(names map[string]string) types.Qualifier {
	return func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		for name, path := range names {
			if path == p.Path() && name != "_" && name != "." {
				return name
			}
		}
		return unimported
	}
}

// deferredFmtLeft reports an argument of a deferred call of fmt's
// printing functions in a loop that the source pass hands fmt through
// one of its helpers (fmtMethods' identity functions, Show): yaegi
// v0.16.1 evaluates a deferred call's arguments when the call runs, and
// deferArgs copies each into a variable declared at the defer, whose
// slot the loop's next iteration reuses; the helper, called only when
// the deferred call runs, reads the last iteration's value (each
// deferred fmt.Println(row.name, row.op(a, b)) of a Vec with String
// printed the last row's Vec, nothing said).
func deferredFmtLeft(fset *token.FileSet, file *ast.File, info *types.Info) []Finding {
	var loops []*ast.BlockStmt
	var defers []*ast.DeferStmt
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			loops = append(loops, n.Body)
		case *ast.RangeStmt:
			loops = append(loops, n.Body)
		case *ast.DeferStmt:
			defers = append(defers, n)
		}
		return true
	})
	qual := importedQualifier(importNames(file))
	var out []Finding
	for _, d := range defers {
		in := false
		for _, b := range loops {
			in = in || b.Pos() <= d.Pos() && d.End() <= b.End()
		}
		verbs, args := plusVerbs(info, d.Call)
		for i, a := range args {
			if !in {
				break
			}
			t := info.TypeOf(dynamic(info, a))
			_, _, shows := shown(t, verbs[i], qual)
			if v := verbs[i]; shows || fmtHelper(t, v) != "" || v == '+' && fmtHelper(t, 'v') != "" {
				p := fset.Position(a.Pos())
				out = append(out, Finding{Line: p.Line, Col: p.Column, Construct: "methods hidden", Message: "a deferred call of fmt in a loop: the interpreter works out what the source pass gives fmt here (the methods of the program's values, their names) when the call runs, from the last iteration's values, where Go prints each iteration's"})
			}
		}
	}
	return out
}
