package symbols

import "reflect"

// symEntry is one exported symbol of a package, as the generated tables
// list it (internal/tabulate): its name, its value (a function, a typed
// nil pointer for a type, a constant), or, with elem, the address of a
// variable, which yaegi wants as the addressable variable itself.
type symEntry struct {
	name string
	v    any
	elem bool
}

// symTable enters a package's symbols in Symbols under path, as the
// reflect.Values yaegi's extractor would have written in a map literal.
func symTable(path string, entries []symEntry) {
	m := make(map[string]reflect.Value, len(entries))
	for _, e := range entries {
		v := reflect.ValueOf(e.v)
		if e.elem {
			v = v.Elem()
			keep(v)
		}
		m[e.name] = v
	}
	Symbols[path] = m
}
