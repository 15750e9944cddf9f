package engine

import "testing"

// A value of an instance written with two or more type arguments, made
// at two places, is reported at both (an attack's shapes: literals,
// with &, in a map's key, a conversion, new; a review's: the instance
// spelled otherwise, through an alias, or with a type parameter in a
// generic function); one type argument, different arguments, the
// instance in a type's position only, a generic function called
// explicitly twice, or one place, are not.
func TestRepeatedInstanceValuesAreReported(t *testing.T) {
	const pair = "type P[A, B any] struct{ a A }\n\ntype Q struct{ a int }\n\ntype O[T any] struct{ v T }\n\ntype K = string\n\n"
	const two = "func two[A, B any](a A, b B) P[A, B] { return P[A, B]{a: a} }\n\n"
	for _, c := range []struct{ decls, body, at string }{
		{"", "fmt.Println(\"one\")\n\t_ = P[int, int]{}\n\tfmt.Println(\"two\")\n\t_ = P[int, int]{}", "15:6 17:6"},
		{"", "m := map[P[int, string]]bool{}\n\tm[P[int, string]{a: 1}] = true\n\tfmt.Println(m[P[int, string]{a: 1}])", "15:4 16:16"},
		{"", "a := &P[int, int]{}\n\tb := &P[int, int]{a: 2}\n\tfmt.Println(a, b)", "14:8 15:8"},
		{"", "q := Q{1}\n\tx := P[int, int](q)\n\ty := P[int, int](q)\n\tfmt.Println(x, y)", "15:7 16:7"},
		{"", "x := new(P[int, int])\n\ty := new(P[int, int])\n\tfmt.Println(x, y)", "14:11 15:11"},
		{"", "fmt.Println(P[byte, int]{}, P[uint8, int]{})", "14:14 14:30"},
		{"", "m := map[P[K, int]]bool{}\n\tm[P[K, int]{a: \"x\"}] = true\n\tfmt.Println(m[P[string, int]{a: \"x\"}])", "15:4 16:16"},
		{two, "fmt.Println(two(1, \"a\"), P[string, int]{})", "13:47 16:27"},
		// Not reported.
		{"", "fmt.Println(O[int]{1}, O[int]{2})", ""},
		{"", "fmt.Println(P[int, string]{}, P[int, int]{})", ""},
		{"", "a := []P[int, int]{{}, {}}\n\tvar b P[int, int]\n\tfmt.Println(a, b, P[int, int]{})", ""},
		{two, "fmt.Println(two[int, string](1, \"a\"), two[int, string](2, \"b\"))", ""},
	} {
		src := "package main\n\nimport \"fmt\"\n\n" + pair + c.decls + "func main() {\n\t" + c.body + "\n}\n"
		if got := findingsAt(t, src, repeatedInstanceConstruct); got != c.at {
			t.Errorf("a repeated instance's value reported at %q, want %q\n%s", got, c.at, src)
		}
	}
}
