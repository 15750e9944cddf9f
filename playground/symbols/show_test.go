package symbols

import (
	"fmt"
	"math"
	"testing"
)

// Show prints what the source pass described as Go's fmt prints it, and
// tells Unlike, instead of printing fmt's %!v(PANIC=...), when the value
// is not what was described or a method it calls panics on anything but
// a nil pointer. Here the values are Go's, standing in for the
// interpreter's (an unexported field renamed Xb, as yaegi does).
func TestShow(t *testing.T) {
	var why []string
	h := Hooks{Unlike: func(w string) { why = append(why, w) }}
	type T struct {
		A  int
		Xb string
	}
	str := func(v int) string { return fmt.Sprint("n", v) }
	for _, c := range []struct {
		format string
		x      any
		desc   string
		fns    []any
		want   string
	}{
		{"%+[1]v|%#[1]v", T{1, "x"}, "smain.T|2|A|b|bb", nil, "{A:1 b:x}|main.T{A:1, b:\"x\"}"},
		{"%v", map[float64]int{math.NaN(): 1, -1: 2, 3: 3}, "kmap[float64]int|bb", nil, "map[NaN:1 -1:2 3:3]"},
		{"%[1]v %[1]s", []int{2, 1}, "a[]main.N|M0|", []any{str}, "[n2 n1] [n2 n1]"},
		{"%#v", (*T)(nil), "P*main.T|smain.T|2|A|b|bb", nil, "(*main.T)(nil)"},
		{"%6v|", []int{3}, "a[]int|b", nil, "[     3]|"},
	} {
		why = nil
		got := fmt.Sprintf(c.format, h.Show(c.x, c.desc, c.fns...))
		if got != c.want || len(why) != 0 {
			t.Errorf("%s of %#v: %q, Unlike %q; want %q", c.format, c.x, got, why, c.want)
		}
	}
	for _, c := range []struct {
		x    any
		desc string
		fns  []any
	}{
		{T{1, "x"}, "iinterface {}|", nil}, // a struct, described as an interface
		{T{1, "x"}, "smain.T|1|A|b", nil},  // a field more than described
		{[]int{1}, "kmap[int]int|bb", nil}, // a slice, described as a map
		{[]int{1}, "a[]main.N|M0|", []any{func(int) string { panic("boom") }}},
	} {
		why = nil
		got := fmt.Sprint(h.Show(c.x, c.desc, c.fns...))
		if len(why) == 0 {
			t.Errorf("%#v described as %q printed %q, Unlike not called", c.x, c.desc, got)
		}
	}
}
