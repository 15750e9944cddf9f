package symbols

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// show is Show's value: fmt calls its Format, which prints v as Go's fmt
// prints a value of the type the source pass described (see Show).
type show struct {
	h   *Hooks
	v   reflect.Value
	d   *shape
	fns []reflect.Value
}

// shape is a type as the source pass describes it from go/types.
type shape struct {
	kind   byte // see Show
	name   string
	fn     int // the method fmt calls, an index of Show's fns; -1: none
	fields []string
	kids   []*shape
}

// Show gives fmt, for x, a value that prints as Go prints x, of the
// type desc describes (the source pass's showVerbs): yaegi v0.16.1 builds
// the program's types with reflect, without names and with an unexported
// field renamed X<name>, and without methods, so %#v of a Point printed
// struct { X int }{X:1} where go run prints main.Point{X:1}, and
// fmt.Println([]Weekday{1}) 1 where it prints Monday. This is fmt's
// printValue over what desc says the value is; a leaf (a number, a
// string) is printed by fmt itself with the same verb and flags. desc is
// a node:
//
//	M<i>                 call fns[i], the method fmt calls, and print its result
//	b                    a value of a basic kind
//	d                    a value of the library's type, or of an unknown one
//	s<name>|<n>|<field>|<node>...  a struct of n fields
//	a<name>|<node>       a slice or an array
//	k<name>|<key><elem>  a map
//	i<name>|             an interface
//	p<name>|             a pointer (inside), a channel or a function
//	P<name>|<node>       a pointer fmt is handed, which it prints as &{...}
//
// where name is the type's name as reflect spells it. What Go would
// print otherwise than this (a value of an interface that is not of a
// library's type under %#v, a method that panics) is told to h.Unlike.
func (h *Hooks) Show(x any, desc string, fns ...any) any {
	s := &show{h: h, v: reflect.ValueOf(x)}
	s.d, _ = parseShape(desc)
	for _, f := range fns {
		s.fns = append(s.fns, reflect.ValueOf(f))
	}
	return s
}

func parseShape(d string) (*shape, string) {
	s := &shape{fn: -1}
	if d[0] == 'M' {
		i := strings.IndexByte(d, '|')
		s.fn, _ = strconv.Atoi(d[1:i])
		return s, d[i+1:]
	}
	s.kind, d = d[0], d[1:]
	if s.kind == 'b' || s.kind == 'd' {
		return s, d
	}
	s.name, d, _ = strings.Cut(d, "|")
	n := 0
	switch s.kind {
	case 's':
		var c string
		c, d, _ = strings.Cut(d, "|")
		n, _ = strconv.Atoi(c)
		for range n {
			var f string
			f, d, _ = strings.Cut(d, "|")
			s.fields = append(s.fields, f)
		}
	case 'a', 'P':
		n = 1
	case 'k':
		n = 2
	}
	for range n {
		var k *shape
		k, d = parseShape(d)
		s.kids = append(s.kids, k)
	}
	return s, d
}

// shower prints one value for fmt.
type shower struct {
	*show
	f           fmt.State
	spec        string // the verb and its flags, width and precision
	sharp, plus bool
}

func (s *show) Format(f fmt.State, verb rune) {
	spec := "%"
	for _, c := range "+-# 0" {
		if f.Flag(int(c)) {
			spec += string(c)
		}
	}
	if w, ok := f.Width(); ok {
		spec += strconv.Itoa(w)
	}
	if p, ok := f.Precision(); ok {
		spec += "." + strconv.Itoa(p)
	}
	p := shower{show: s, f: f, spec: spec + string(verb), sharp: verb == 'v' && f.Flag('#'), plus: verb == 'v' && f.Flag('+')}
	defer func() {
		// The interpreter's value is not what the source pass described
		// (fmt would print the panic, %!v(PANIC=Format method: ...)).
		if recover() != nil {
			p.unlike(unlikeShape)
		}
	}()
	p.print(s.v, s.d, 0, false)
}

const unlikeShape = "the interpreter holds a value of the program otherwise than its type says"

// is says whether v is of kind k (or k2), and tells Unlike when not.
func (p *shower) is(v reflect.Value, k, k2 reflect.Kind) bool {
	if v.Kind() != k && v.Kind() != k2 {
		p.unlike(unlikeShape)
		return false
	}
	return true
}

func (p *shower) str(s string) { fmt.Fprint(p.f, s) }

func (p *shower) unlike(why string) {
	if p.h.Unlike != nil {
		p.h.Unlike(why)
	}
}

// print is fmt's printValue of v, whose type d describes (nil: v's own
// type, of the library); ro says v is in an unexported field, whose
// methods fmt does not call.
func (p *shower) print(v reflect.Value, d *shape, depth int, ro bool) {
	if d.kind == 'd' {
		p.dynamic(v, depth, ro, true)
		return
	}
	if d.fn >= 0 {
		p.method(v, d.fn)
		return
	}
	switch d.kind {
	case 'b':
		fmt.Fprintf(p.f, p.spec, plain(v))
	case 's':
		if !p.is(v, reflect.Struct, reflect.Struct) || v.NumField() != len(d.fields) {
			p.unlike(unlikeShape)
			return
		}
		if p.sharp {
			p.str(d.name)
		}
		p.str("{")
		for i, name := range d.fields {
			if i > 0 {
				p.sep()
			}
			if p.plus || p.sharp {
				p.str(name + ":")
			}
			p.print(v.Field(i), d.kids[i], depth+1, ro || !isExported(name))
		}
		p.str("}")
	case 'a':
		if !p.is(v, reflect.Slice, reflect.Array) {
			return
		}
		if p.sharp {
			p.str(d.name)
			if v.Kind() == reflect.Slice && v.IsNil() {
				p.str("(nil)")
				return
			}
		}
		p.open("[")
		for i := range v.Len() {
			if i > 0 {
				p.sep()
			}
			p.print(v.Index(i), d.kids[0], depth+1, ro)
		}
		p.close("]")
	case 'k':
		if !p.is(v, reflect.Map, reflect.Map) {
			return
		}
		if p.sharp {
			p.str(d.name)
			if v.IsNil() {
				p.str("(nil)")
				return
			}
		}
		p.open("map[")
		// Keys with their values: a NaN key finds no value by index.
		var kv [][2]reflect.Value
		for it := v.MapRange(); it.Next(); {
			kv = append(kv, [2]reflect.Value{it.Key(), it.Value()})
		}
		sort.SliceStable(kv, func(i, j int) bool { return compare(kv[i][0], kv[j][0]) < 0 })
		for i, e := range kv {
			if i > 0 {
				p.sep()
			}
			p.print(e[0], d.kids[0], depth+1, ro)
			p.str(":")
			p.print(e[1], d.kids[1], depth+1, ro)
		}
		p.close("]")
	case 'i':
		if !p.is(v, reflect.Interface, reflect.Interface) {
			return
		}
		if v.IsNil() {
			if p.sharp {
				p.str(d.name + "(nil)")
			} else {
				p.str("<nil>")
			}
			return
		}
		p.dynamic(v.Elem(), depth+1, ro, false)
	case 'P':
		if !p.is(v, reflect.Pointer, reflect.Pointer) {
			return
		}
		if !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.str("&")
				p.print(v.Elem(), d.kids[0], depth+1, ro)
				return
			}
		}
		p.pointer(v, d.name)
	case 'p':
		p.pointer(v, d.name)
	}
}

func (p *shower) sep() {
	if p.sharp {
		p.str(", ")
	} else {
		p.str(" ")
	}
}

// open writes what a slice or a map opens with: the name written
// before, {, or under %v the bracket.
func (p *shower) open(s string) {
	if p.sharp {
		s = "{"
	}
	p.str(s)
}

func (p *shower) close(s string) {
	if p.sharp {
		s = "}"
	}
	p.str(s)
}

// pointer is fmt's fmtPointer: the address, which differs from run to
// run in Go too.
func (p *shower) pointer(v reflect.Value, name string) {
	var u uintptr
	if !v.IsNil() {
		u = uintptr(v.UnsafePointer())
	}
	if p.sharp {
		s := "nil"
		if u != 0 {
			s = "0x" + strconv.FormatUint(uint64(u), 16)
		}
		p.str("(" + name + ")(" + s + ")")
		return
	}
	fmt.Fprintf(p.f, p.spec, v.UnsafePointer())
}

// method prints what the method fmt calls (String, Error, GoString: the
// source pass's function fns[i] calls it) returns for v. A method that
// panics on a nil pointer prints <nil>, as fmt's catchPanic has it; any
// other panic prints otherwise in the interpreter.
func (p *shower) method(v reflect.Value, i int) {
	fn := p.fns[i]
	defer func() {
		if r := recover(); r != nil {
			if v.Kind() == reflect.Pointer && v.IsNil() {
				p.str("<nil>")
				return
			}
			p.unlike("a method fmt calls panicked inside the value printed")
		}
	}()
	if t := fn.Type().In(0); v.Type() != t {
		v = v.Convert(t)
	}
	s := fn.Call([]reflect.Value{v})[0].String()
	spec := p.spec
	if p.sharp { // GoString: fmt writes it as it is, padded
		spec = strings.ReplaceAll(strings.ReplaceAll(spec[:len(spec)-1], "#", ""), "+", "") + "s"
	}
	fmt.Fprintf(p.f, spec, s)
}

// dynamic prints v, a value whose type the source pass did not know (in
// an interface) or of the library's (lib): a value of a basic kind, or
// of a library's type (which fmt prints itself, but for a pointer, which
// inside another value is its address), or an interpreter's own value
// that fmt prints as Go would (walker); under %#v, a value in an
// interface must be a number or a string, whose type fmt does not name.
func (p *shower) dynamic(v reflect.Value, depth int, ro, lib bool) {
	if !v.IsValid() {
		p.str("<nil>")
		return
	}
	k := v.Kind()
	basic := k >= reflect.Bool && k <= reflect.Complex128 || k == reflect.String
	if basic && (ro || !v.CanInterface() || !hasFmtMethod(v.Type())) {
		fmt.Fprintf(p.f, p.spec, plain(v))
		return
	}
	if p.sharp && !basic && !lib {
		// The interpreter's types and Go's differ in name here.
		p.unlike("%#v of a value held in an interface that is not a number or a string: the interpreter's types have no names")
		return
	}
	w := walker{plus: p.plus}
	if w.walk(v, ro, 1); w.why != "" {
		p.unlike(w.why)
		return
	}
	if ro && hasFmtMethod(v.Type()) || !v.CanInterface() {
		p.unlike("a value in an unexported field whose methods fmt would call here")
		return
	}
	if k == reflect.Pointer && depth > 0 {
		x := v.Interface()
		switch x.(type) {
		case fmt.Formatter, fmt.GoStringer, error, fmt.Stringer:
			fmt.Fprintf(p.f, p.spec, x)
		default:
			p.pointer(v, v.Type().String())
		}
		return
	}
	fmt.Fprintf(p.f, p.spec, v.Interface())
}

// plain is v as the unnamed type of its kind, which fmt prints without
// methods.
func plain(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.ValueOf(v.Int()).Convert(basicTypes[v.Kind()]).Interface()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return reflect.ValueOf(v.Uint()).Convert(basicTypes[v.Kind()]).Interface()
	case reflect.Float32, reflect.Float64:
		return reflect.ValueOf(v.Float()).Convert(basicTypes[v.Kind()]).Interface()
	case reflect.Complex64, reflect.Complex128:
		return reflect.ValueOf(v.Complex()).Convert(basicTypes[v.Kind()]).Interface()
	}
	return v.String()
}

var basicTypes = map[reflect.Kind]reflect.Type{}

func init() {
	for _, x := range []any{int(0), int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0), uint32(0), uint64(0), uintptr(0), float32(0), float64(0), complex64(0), complex128(0)} {
		basicTypes[reflect.TypeOf(x).Kind()] = reflect.TypeOf(x)
	}
}

func isExported(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z' || name != "" && name[0] >= 0x80 && strings.ToUpper(name[:1]) == name[:1]
}

// compare orders map keys as fmt does (internal/fmtsort): numbers,
// strings and booleans by value (NaN first), pointers and channels by
// address, structs and arrays field by field.
func compare(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmpOrdered(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmpOrdered(a.Uint(), b.Uint())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmpFloat(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		if c := cmpFloat(real(a.Complex()), real(b.Complex())); c != 0 {
			return c
		}
		return cmpFloat(imag(a.Complex()), imag(b.Complex()))
	case reflect.Bool:
		return cmpOrdered(int64(btoi(a.Bool())), int64(btoi(b.Bool())))
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmpOrdered(uint64(a.Pointer()), uint64(b.Pointer()))
	case reflect.Struct:
		for i := range a.NumField() {
			if c := compare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
	case reflect.Array:
		for i := range a.Len() {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
	}
	return 0
}

func cmpOrdered[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case math.IsNaN(a) && !math.IsNaN(b):
		return -1
	case !math.IsNaN(a) && math.IsNaN(b):
		return 1
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
