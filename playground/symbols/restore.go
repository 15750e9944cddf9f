package symbols

import (
	"reflect"
	"sync"
	"time"
)

// A program's writes to the library's variables outlive it: the page's
// interpreter runs every program of a page in one process, and an attack
// had a shared program write *time.Local = *time.FixedZone("UTC\n\n...",
// 0), so that a later program, on any playground of the page, printed the
// attacker's words where it formatted a time. detect hands a program that
// assigns a library's variable by name to Go, but an address taken
// (p := &io.EOF) or a pointer followed (*time.Local) writes the same
// storage out of its sight. So every variable of the tables is kept as it
// was before the first run, with the struct a pointer one points to (a
// Location), and RestoreVars puts them back before each run.

// kept is one variable of the tables: the variable, its first value, and,
// for a pointer to a struct, that struct's first value.
type kept struct {
	v, was, pointee reflect.Value
}

var (
	vars     []kept
	keepOnce sync.Once
)

// keep notes the variable v (addressable), whose value RestoreVars reads
// first.
func keep(v reflect.Value) { vars = append(vars, kept{v: v}) }

func copyOf(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// RestoreVars gives every variable of the tables, and the struct it
// points to, the values they had at its first call.
func RestoreVars() {
	keepOnce.Do(func() {
		// time.Local's Location is set up on its first use (the time
		// package's localOnce): kept before it, it would be put back
		// empty.
		_ = time.Local.String()
		for i, k := range vars {
			vars[i].was = copyOf(k.v)
			if k.v.Kind() == reflect.Pointer && !k.v.IsNil() && k.v.Elem().Kind() == reflect.Struct {
				vars[i].pointee = copyOf(k.v.Elem())
			}
		}
	})
	for _, k := range vars {
		k.v.Set(k.was)
		if k.pointee.IsValid() {
			k.was.Elem().Set(k.pointee)
		}
	}
}
