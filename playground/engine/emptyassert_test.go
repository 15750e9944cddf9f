package engine

import "testing"

// An assertion or a type switch's case to an empty interface, named or
// not, or to a type parameter some instance gives any, is reported; to a
// non-empty interface, nil, or a type parameter only given int, not.
func TestEmptyAssertionsAreReported(t *testing.T) {
	reportedAt(t, "assertion to an empty interface", []declsCase{
		{"func f(x any) { v, ok := x.(any); fmt.Println(v, ok) }\n", "7:29"},
		{"type Value interface{}\n\nfunc f(x any) bool { _, ok := x.(Value); return ok }\n", "9:34"},
		{"func f(v any) string {\n\tswitch v.(type) {\n\tcase int:\n\t\treturn \"int\"\n\tcase interface{}:\n\t\treturn \"any\"\n\t}\n\treturn \"\"\n}\n", "11:7"},
		{"func get[T any](x any) (T, bool) { v, ok := x.(T); return v, ok }\n\nvar _, _ = get[any](1)\n", "7:48"},
		{"func get[T any](x any) (T, bool) { v, ok := x.(T); return v, ok }\n\nvar _, _ = get[int](1)\n", ""},
		{"func f(x any) bool {\n\tswitch x.(type) {\n\tcase nil, fmt.Stringer:\n\t\treturn true\n\t}\n\t_, ok := x.(error)\n\treturn ok\n}\n", ""},
	})
}

func TestEmptyAssertionStillDiffers(t *testing.T) {
	stillDiffers(t, "an assertion to any", "\tvar x any = 3\n\tv, ok := x.(any)\n\tfmt.Println(v, ok)\n", "3 true\n")
}
