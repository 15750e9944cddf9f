package symbols

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/goexpert/gointernals/playground/internal/fmtverbs"
)

// Printed is package fmt's printing functions for one run: each checks
// what it is handed before formatting it, and tells h.Unlike, without
// printing, when the interpreter's types would make fmt print it
// otherwise than Go does. The interpreter builds the program's struct
// types with reflect, which cannot make an unexported field: it names
// "count" Xcount, so
//
//   - %+v prints Xcount: where Go prints count:, and
//   - fmt calls the String, Error, Format or GoString method of what such
//     a field holds (a time.Duration prints 1s), where Go cannot reach an
//     unexported field's methods and prints the value as it is
//     (1000000000).
//
// A struct type of the program is one without a name (the interpreter's
// types have none); a field is taken for a renamed one when its name
// starts with X. Values in interfaces, slices, arrays and maps are looked
// at too, and behind a pointer handed to fmt itself (which prints &{...};
// deeper, fmt prints a pointer's address), up to a bound; a library's
// named types are not looked into. When Unlike returns, the call prints as the
// interpreter does.
//
// Print, Printf and Println write to stdout, the interpreter's standard
// output. The table is keyed "fmt/printed": the interpreter files a table
// under the directory of its key, here fmt's, and only a table keyed
// "fmt/fmt" makes it put its own Print, Printf and Println back.
func Printed(h Hooks, stdout io.Writer) map[string]map[string]reflect.Value {
	check := func(format string, a []any) {
		if h.Unlike == nil {
			return
		}
		if why := unlike(format, a); why != "" {
			h.Unlike(why)
		}
	}
	return map[string]map[string]reflect.Value{
		"fmt/printed": {
			"Print":    reflect.ValueOf(func(a ...any) (int, error) { check("", a); return fmt.Fprint(stdout, a...) }),
			"Println":  reflect.ValueOf(func(a ...any) (int, error) { check("", a); return fmt.Fprintln(stdout, a...) }),
			"Printf":   reflect.ValueOf(func(f string, a ...any) (int, error) { check(f, a); return fmt.Fprintf(stdout, f, a...) }),
			"Sprint":   reflect.ValueOf(func(a ...any) string { check("", a); return fmt.Sprint(a...) }),
			"Sprintln": reflect.ValueOf(func(a ...any) string { check("", a); return fmt.Sprintln(a...) }),
			"Sprintf":  reflect.ValueOf(func(f string, a ...any) string { check(f, a); return fmt.Sprintf(f, a...) }),
			"Fprint":   reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { check("", a); return fmt.Fprint(w, a...) }),
			"Fprintln": reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { check("", a); return fmt.Fprintln(w, a...) }),
			"Fprintf":  reflect.ValueOf(func(w io.Writer, f string, a ...any) (int, error) { check(f, a); return fmt.Fprintf(w, f, a...) }),
			"Errorf":   reflect.ValueOf(func(f string, a ...any) error { check(f, a); return fmt.Errorf(f, a...) }),
			"Append":   reflect.ValueOf(func(b []byte, a ...any) []byte { check("", a); return fmt.Append(b, a...) }),
			"Appendln": reflect.ValueOf(func(b []byte, a ...any) []byte { check("", a); return fmt.Appendln(b, a...) }),
			"Appendf":  reflect.ValueOf(func(b []byte, f string, a ...any) []byte { check(f, a); return fmt.Appendf(b, f, a...) }),
		},
	}
}

// plusFlag reports whether format has a %v with the + flag, whatever
// else comes between the % and it.
func plusFlag(format string) bool {
	return fmtverbs.Any(format, func(flags string, verb byte, end bool) bool {
		return strings.Contains(flags, "+") && verb == 'v' && !end
	})
}

// unlike says why fmt would print a differently in the interpreter, or "".
func unlike(format string, a []any) string {
	w := walker{plus: strings.IndexByte(format, '+') >= 0 && plusFlag(format)}
	for _, x := range a {
		w.walk(reflect.ValueOf(x), false, 0)
		if w.why != "" {
			return w.why
		}
	}
	return ""
}

type walker struct {
	plus   bool
	budget int // values looked at
	why    string
}

var fmtMethods = []string{"String", "Error", "Format", "GoString"}

func hasFmtMethod(t reflect.Type) bool {
	for _, m := range fmtMethods {
		if _, ok := t.MethodByName(m); ok {
			return true
		}
	}
	return false
}

// walk looks at v; hidden says v is in a field the program declared
// unexported.
func (w *walker) walk(v reflect.Value, hidden bool, depth int) {
	if w.why != "" || !v.IsValid() || depth > 20 || w.budget > 10000 {
		return
	}
	w.budget++
	t := v.Type()
	if hidden && t.Kind() != reflect.Interface && hasFmtMethod(t) {
		w.why = "a " + t.String() + " in an unexported field: fmt calls its " + strings.Join(fmtMethods, ", ") + " method in the interpreter, where Go cannot and prints it as it is"
		return
	}
	switch t.Kind() {
	case reflect.Interface:
		w.walk(v.Elem(), hidden, depth+1)
	case reflect.Pointer:
		// fmt shows what a pointer points to only for an argument itself
		// (&{...}); deeper, it prints the address.
		if depth == 0 && !v.IsNil() {
			switch t.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				w.walk(v.Elem(), hidden, depth+1)
			}
		}
	case reflect.Struct:
		if isWrapper(t) {
			w.why = "a value of one of the program's types with methods, held in an interface (an any, an []any), reaches fmt as the interpreter's wrapper for it ({0xc000... {...}}), which fmt prints where Go prints the value"
			return
		}
		if t.Name() != "" {
			return // a library's type
		}
		for i := range t.NumField() {
			renamed := len(t.Field(i).Name) > 1 && t.Field(i).Name[0] == 'X'
			if renamed && w.plus {
				w.why = "%+v prints the names of the unexported fields of the program's structs with an X before them in the interpreter (X" + t.Field(i).Name[1:] + ")"
				return
			}
			w.walk(v.Field(i), hidden || renamed, depth+1)
		}
	case reflect.Slice, reflect.Array:
		if !mayHold(t.Elem()) {
			return
		}
		for i := range v.Len() {
			w.walk(v.Index(i), hidden, depth+1)
		}
	case reflect.Map:
		if !mayHold(t.Key()) && !mayHold(t.Elem()) {
			return
		}
		it := v.MapRange()
		for it.Next() {
			w.walk(it.Key(), hidden, depth+1)
			w.walk(it.Value(), hidden, depth+1)
		}
	}
}

// isWrapper reports whether t is the interpreter's wrapper for a value of
// one of the program's types with methods held in an interface
// (interp.valueInterface, unexported: a node of the program's syntax and
// the value). yaegi v0.16.1 hands it to fmt as it is when the interface
// is an argument (var x any = word("a"); fmt.Println(x)) or in one, and
// fmt prints its fields.
func isWrapper(t reflect.Type) bool {
	return t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

// mayHold says a value of type t may be or hold what walk looks for.
func mayHold(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
		return true
	}
	return hasFmtMethod(t)
}
