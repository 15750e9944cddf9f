package symbols

import "reflect"

// LowerPath is the import path of the helpers the engine's source pass
// calls where interpreted code cannot do the work itself. The pass imports
// it under a name no program uses; it is not offered to readers.
const LowerPath = "playground/lower"

// Lower is the table of LowerPath.
//
// Recovered undoes a wrapping of the interpreter's: panic(v) in
// interpreted code panics with a reflect.Value holding v, which recover
// hands back as is, so recover().(error) fails even for an error value
// (measured on yaegi v0.16.1). A reflect.Value cannot be unwrapped from
// interpreted code: asserting it to an interface with its methods fails.
//
// Clear is the built-in clear (Go 1.21), which the interpreter lacks: a
// map or slice passed as an interface still shares its entries or its
// array, so clearing the copy clears the program's.
var Lower = map[string]map[string]reflect.Value{
	LowerPath + "/lower": {
		"Recovered": reflect.ValueOf(recovered),
		"Clear":     reflect.ValueOf(clearValue),
	},
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
