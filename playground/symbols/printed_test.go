package symbols

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// The interpreter's struct types are unnamed, with an unexported field
// named X and its name: built so here.
func interpStruct(fields ...reflect.StructField) reflect.Type { return reflect.StructOf(fields) }

func TestPrintedFindsWhatGoPrintsOtherwise(t *testing.T) {
	hidden := interpStruct(reflect.StructField{Name: "Xd", Type: reflect.TypeOf(time.Duration(0))})
	plain := interpStruct(reflect.StructField{Name: "Xn", Type: reflect.TypeOf(0)}, reflect.StructField{Name: "D", Type: reflect.TypeOf(time.Duration(0))})
	inAny := interpStruct(reflect.StructField{Name: "Xv", Type: reflect.TypeOf((*any)(nil)).Elem()})
	withAny := reflect.New(inAny).Elem()
	withAny.Field(0).Set(reflect.ValueOf(any(time.Second)))
	outer := interpStruct(reflect.StructField{Name: "Xin", Type: plain})
	ptrField := interpStruct(reflect.StructField{Name: "P", Type: reflect.PointerTo(hidden)})
	zero := func(t reflect.Type) any { return reflect.New(t).Elem().Interface() }
	for _, c := range []struct {
		name, format string
		args         []any
		want         string // in the reason, or "" for none
	}{
		{"a Duration in an unexported field", "", []any{zero(hidden)}, "time.Duration in an unexported field"},
		{"exported fields and plain unexported ones", "%v %d", []any{zero(plain), 1}, ""},
		{"%+v of an unexported field", "%+v", []any{zero(plain)}, "(Xn)"},
		{"%-+8v of an unexported field", "%-+8v", []any{zero(plain)}, "(Xn)"},
		{"%+v of exported fields", "%+v", []any{time.Second, []int{1}}, ""},
		{"a value with String in an unexported interface field", "", []any{withAny.Interface()}, "time.Duration"},
		{"a nil interface in an unexported field", "", []any{zero(inAny)}, ""},
		{"an exported field under an unexported one", "", []any{zero(outer)}, "time.Duration"},
		{"in a slice", "", []any{[]any{1, zero(hidden)}}, "time.Duration"},
		{"in a map", "", []any{map[string]any{"k": zero(hidden)}}, "time.Duration"},
		{"behind the pointer handed to fmt", "", []any{reflect.New(hidden).Interface()}, "time.Duration"},
		{"behind a pointer in a field (fmt prints its address)", "", []any{zero(ptrField)}, ""},
		{"a library's struct", "%+v", []any{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, ""},
	} {
		got := unlike(c.format, c.args)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: unlike says %q; want %q", c.name, got, c.want)
		}
	}
}
