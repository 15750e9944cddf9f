package symbols

import (
	"reflect"
)

// ErrorsAs is errors.As for the interpreter, where a value of the
// program's own type held in an error is the interpreter's wrapper of
// that interface (a struct whose first field, IValue, holds the value):
// errors.As of the library compares the wrapper's type with the target's
// and finds no error of the program's types, nor accepts a target of one
// ("*target must be interface or implement error": the program's types
// have no methods to reflect). Here the chain is Go's (Unwrap, Unwrap
// []error, As methods of the library's errors), and a link matches a
// target of a concrete type when the value it holds has that type. The
// interpreter's types are their structure (two types of the program with
// the same fields are one to reflect), and the wrapper has the methods of
// error alone, so the program's Unwrap, Is and As methods are not seen:
// the source pass lowers errors.As to this only where neither matters.
func ErrorsAs(err error, target any) bool {
	if err == nil {
		return false
	}
	val := reflect.ValueOf(target)
	if target == nil || val.Kind() != reflect.Pointer || val.IsNil() {
		panic("errors: target must be a non-nil pointer")
	}
	typ := val.Type().Elem()
	for stack := []error{err}; len(stack) > 0; {
		err, stack = stack[len(stack)-1], stack[:len(stack)-1]
		if err == nil {
			continue
		}
		if typ.Kind() == reflect.Interface {
			if reflect.TypeOf(err).AssignableTo(typ) {
				val.Elem().Set(reflect.ValueOf(err))
				return true
			}
		} else if c := Concrete(err); c != nil && reflect.TypeOf(c) == typ {
			val.Elem().Set(reflect.ValueOf(c))
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		stack = pushUnwrapped(stack, err)
	}
	return false
}

// ErrorsIs is errors.Is for the interpreter (see ErrorsAs): two errors
// are equal when the values they hold, out of the interpreter's
// wrappers, are of one type and equal.
func ErrorsIs(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	t := Concrete(target)
	comparable := reflect.TypeOf(t).Comparable()
	for stack := []error{err}; len(stack) > 0; {
		err, stack = stack[len(stack)-1], stack[:len(stack)-1]
		if err == nil {
			continue
		}
		if c := Concrete(err); comparable && reflect.TypeOf(c) == reflect.TypeOf(t) && c == t {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		stack = pushUnwrapped(stack, err)
	}
	return false
}

// pushUnwrapped pushes what err wraps, the first on top, as errors.Is and
// errors.As walk the tree depth first.
func pushUnwrapped(stack []error, err error) []error {
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		return append(stack, x.Unwrap())
	case interface{ Unwrap() []error }:
		list := x.Unwrap()
		for i := len(list) - 1; i >= 0; i-- {
			stack = append(stack, list[i])
		}
	}
	return stack
}

// Concrete returns the value x holds out of the interpreter's wrapper of
// an interface (a struct whose first field is IValue), and any other
// value as it is.
func Concrete(x any) any {
	v := reflect.ValueOf(x)
	for v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue" && v.Field(0).Kind() == reflect.Interface {
		if v.Field(0).IsNil() {
			return nil
		}
		v = v.Field(0).Elem()
		x = v.Interface()
	}
	return x
}
