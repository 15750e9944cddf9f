package symbols

import "reflect"

// LowerPath is the import path of the helpers the engine's source pass
// calls where interpreted code cannot do the work itself. The pass imports
// it under a name no program uses; it is not offered to readers.
const LowerPath = "playground/lower"

// Lower is the table of LowerPath, for one run: onRecover is called
// each time the program recovers a panic.
//
// Recovered undoes a wrapping of the interpreter's: panic(v) in
// interpreted code panics with a reflect.Value holding v, which recover
// hands back as is, so recover().(error) fails even for an error value
// (measured on yaegi v0.16.1). A reflect.Value cannot be unwrapped from
// interpreted code: asserting it to an interface with its methods fails.
// The source pass calls it with every non-nil value recover returns,
// which is how the engine learns that a panic was recovered.
//
// Clear is the built-in clear (Go 1.21), which the interpreter lacks: a
// map or slice passed as an interface still shares its entries or its
// array, so clearing the copy clears the program's.
func Lower(onRecover func()) map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		LowerPath + "/lower": {
			"Recovered": reflect.ValueOf(func(v any) any {
				onRecover()
				return recovered(v)
			}),
			"Clear": reflect.ValueOf(clearValue),
		},
	}
}

func recovered(v any) any {
	if rv, ok := v.(reflect.Value); ok {
		if !rv.IsValid() || !rv.CanInterface() {
			return nil
		}
		return rv.Interface()
	}
	return v
}

func clearValue(v any) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map, reflect.Slice:
		rv.Clear()
	}
}
