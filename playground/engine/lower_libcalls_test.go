package engine

import (
	"strings"
	"testing"
)

var _ = addCases("libCalls",
	// Slices and maps.
	rewriteCase{
		body: `s := []int{3, 1, 2}
slices.Sort(s)
m := map[string]int{"b": 1, "a": 2}
fmt.Println(s, slices.Sorted(maps.Keys(m)))`,
		lowered: `s := []int{3, 1, 2}
_lowerSort(s)
m := map[string]int{"b": 1, "a": 2}
fmt.Println(s, _lowerSorted(_lowerMapsKeys(m)))`,
		out: "[1 2 3] [a b]\n",
	},
	// slices.Compact, CompactFunc and DeleteFunc: the elements past the
	// new length are zeroed (s[:cap(s)] shows them), nil stays nil, and a
	// NaN equals no NaN.
	rewriteCase{
		body: `s := []int{1, 1, 2, 2, 2, 3, 1, 1}
c := slices.Compact(s)
fmt.Println(c, len(c), cap(c), s[:cap(s)])
words := []string{"a", "A", "b", "B", "b", "c"}
w := slices.CompactFunc(words, strings.EqualFold)
fmt.Printf("%q %q\n", w, words[:cap(words)])
fmt.Println(slices.Compact([]int(nil)) == nil, slices.Compact([]int{}), slices.Compact([]float64{math.NaN(), math.NaN(), 1, 1}))
d := []int{1, 2, 3, 4, 5, 6}
odd := slices.DeleteFunc(d, func(x int) bool { return x%2 == 0 })
fmt.Println(odd, d, slices.DeleteFunc([]int(nil), func(int) bool { return true }) == nil)`,
		lowered: `s := []int{1, 1, 2, 2, 2, 3, 1, 1}
c := _lowerCompact(s)
fmt.Println(c, len(c), cap(c), s[:cap(s)])
words := []string{"a", "A", "b", "B", "b", "c"}
w := _lowerCompactFunc(words, strings.EqualFold)
fmt.Printf("%q %q\n", w, words[:cap(words)])
fmt.Println(_lowerCompact([]int(nil)) == nil, _lowerCompact([]int{}), _lowerCompact([]float64{math.NaN(), math.NaN(), 1, 1}))
d := []int{1, 2, 3, 4, 5, 6}
odd := _lowerDeleteFunc(d, func(x int) bool { return x%2 == 0 })
fmt.Println(odd, d, _lowerDeleteFunc([]int(nil), func(_ int) bool { return true }) == nil)`,
		out: "[1 2 3 1] 4 8 [1 2 3 1 0 0 0 0]\n[\"a\" \"b\" \"c\"] [\"a\" \"b\" \"c\" \"\" \"\" \"\"]\ntrue [] [NaN NaN 1]\n[1 3 5] [1 3 5 0 0 0] true\n",
	},
	// slices.Replace (shrinking, growing in place, past the capacity,
	// with v part of s), Grow, Clip, Concat and Repeat: lengths,
	// capacities and nilness as Go's.
	rewriteCase{
		body: `r := []int{1, 2, 3, 4, 5}
fmt.Println(slices.Replace(r, 1, 4, 9), r)
g := make([]int, 3, 4)
fmt.Println(slices.Replace(g, 1, 2, 7, 8), g[:cap(g)])
h := []int{1, 2, 3}
h2 := slices.Replace(h, 1, 2, 7, 8, 9)
fmt.Println(h2, len(h2), cap(h2), h)
o := []int{1, 2, 3, 4}
fmt.Println(slices.Replace(o[:3], 0, 1, o[2:]...), o, slices.Replace([]int(nil), 0, 0) == nil)
gr := slices.Grow([]int{1}, 10)
fmt.Println(gr, len(gr), cap(gr), cap(slices.Clip(gr)), slices.Grow([]int(nil), 0) == nil)
parts := [][]string{{"a"}, nil, {"b", "c"}}
fmt.Println(slices.Concat(parts...), slices.Concat([]int{}, nil) == nil, cap(slices.Concat([]int{1, 2, 3})))
fmt.Println(slices.Repeat([]string{"ab"}, 3), slices.Repeat([]int(nil), 5) != nil, len(slices.Repeat([]int{1, 2}, 0)))`,
		lowered: `r := []int{1, 2, 3, 4, 5}
fmt.Println(_lowerReplace(r, 1, 4, 9), r)
g := make([]int, 3, 4)
fmt.Println(_lowerReplace(g, 1, 2, 7, 8), g[:cap(g)])
h := []int{1, 2, 3}
h2 := _lowerReplace(h, 1, 2, 7, 8, 9)
fmt.Println(h2, len(h2), cap(h2), h)
o := []int{1, 2, 3, 4}
fmt.Println(_lowerReplace(o[:3], 0, 1, o[2:]...), o, _lowerReplace([]int(nil), 0, 0) == nil)
gr := _lowerGrow([]int{1}, 10)
fmt.Println(gr, len(gr), cap(gr), cap(_lowerClip(gr)), _lowerGrow([]int(nil), 0) == nil)
parts := [][]string{{"a"}, nil, {"b", "c"}}
fmt.Println(_lowerConcat[string](parts...), _lowerConcat[int]([]int{}, nil) == nil, cap(_lowerConcat[int]([]int{1, 2, 3})))
fmt.Println(_lowerRepeat([]string{"ab"}, 3), _lowerRepeat([]int(nil), 5) != nil, len(_lowerRepeat([]int{1, 2}, 0)))`,
		out: "[1 9 5] [1 9 5 0 0]\n[0 7 8 0] [0 7 8 0]\n[1 7 8 9 3] 5 6 [1 2 3]\n[3 4 2 3] [3 4 2 3] true\n[1] 1 12 1 true\n[a b c] true 3\n[ab ab ab] true 0\n",
	},
	// slices.Compare as cmp.Compare orders (a NaN first, equal to a NaN,
	// -0 equal to 0), MinFunc and MaxFunc (the first of equals),
	// IsSortedFunc, BinarySearchFunc (the first of equals, a target of
	// another type, an empty slice).
	rewriteCase{
		decls: `type emp struct {
	name string
	age  int
}`,
		body: `nan := math.NaN()
fmt.Println(slices.Compare([]float64{nan, 1}, []float64{nan, 2}), slices.Compare([]float64{1}, []float64{nan}), slices.Compare([]float64{nan}, []float64{0}), slices.Compare([]float64{math.Copysign(0, -1)}, []float64{0}))
fmt.Println(slices.Compare([]int{}, []int(nil)), slices.Compare([]string{"a"}, []string{"a", "b"}), slices.Compare([]string{"b"}, []string{"a", "b"}))
people := []emp{{"ann", 30}, {"bob", 25}, {"cid", 30}, {"dan", 25}}
byAge := func(a, b emp) int { return a.age - b.age }
fmt.Println(slices.MinFunc(people, byAge), slices.MaxFunc(people, byAge), slices.IsSortedFunc(people, byAge), slices.IsSortedFunc([]emp{}, byAge))
sorted := []emp{{"bob", 25}, {"dan", 25}, {"ann", 30}}
byTarget := func(e emp, age int) int { return e.age - age }
i, found := slices.BinarySearchFunc(sorted, 25, byTarget)
j, found2 := slices.BinarySearchFunc(sorted, 26, byTarget)
k, found3 := slices.BinarySearchFunc([]emp(nil), 1, byTarget)
fmt.Println(i, found, j, found2, k, found3, slices.IsSortedFunc(sorted, byAge))`,
		lowered: `nan := math.NaN()
fmt.Println(_lowerSlicesCompare([]float64{nan, 1}, []float64{nan, 2}), _lowerSlicesCompare([]float64{1}, []float64{nan}), _lowerSlicesCompare([]float64{nan}, []float64{0}), _lowerSlicesCompare([]float64{math.Copysign(0, -1)}, []float64{0}))
fmt.Println(_lowerSlicesCompare([]int{}, []int(nil)), _lowerSlicesCompare([]string{"a"}, []string{"a", "b"}), _lowerSlicesCompare([]string{"b"}, []string{"a", "b"}))
people := []emp{{"ann", 30}, {"bob", 25}, {"cid", 30}, {"dan", 25}}
byAge := func(a, b emp) int { return a.age - b.age }
fmt.Println(_lowerMinFunc(people, byAge), _lowerMaxFunc(people, byAge), _lowerIsSortedFunc(people, byAge), _lowerIsSortedFunc([]emp{}, byAge))
sorted := []emp{{"bob", 25}, {"dan", 25}, {"ann", 30}}
byTarget := func(e emp, age int) int { return e.age - age }
i, found := _lowerBinarySearchFunc(sorted, 25, byTarget)
j, found2 := _lowerBinarySearchFunc(sorted, 26, byTarget)
k, found3 := _lowerBinarySearchFunc([]emp(nil), 1, byTarget)
fmt.Println(i, found, j, found2, k, found3, _lowerIsSortedFunc(sorted, byAge))`,
		out: "-1 1 -1 0\n0 -1 1\n{bob 25} {ann 30} false true\n0 true 2 false 0 false true\n",
	},
	// maps.Equal and EqualFunc (a map of the program's type, nil against
	// empty, a NaN key that no lookup finds), then slices.MinFunc of an
	// empty slice panics: exit status 2.
	rewriteCase{
		decls: `type Scores map[string]int`,
		body: `m := Scores{"a": 1, "b": 2}
fmt.Println(maps.Equal(m, map[string]int{"b": 2, "a": 1}), maps.Equal(m, Scores{"a": 1}), maps.Equal(map[string]int{}, map[string]int(nil)))
nanKey := map[float64]int{math.NaN(): 1}
fmt.Println(maps.Equal(nanKey, nanKey))
fmt.Println(maps.EqualFunc(m, map[string]string{"a": "1", "b": "2"}, func(v int, s string) bool { return strconv.Itoa(v) == s }), maps.EqualFunc(m, Scores{"a": 3, "b": 4}, func(a, b int) bool { return a%2 == b%2 }))
fmt.Println(slices.MinFunc([]int{}, func(a, b int) int { return a - b }))`,
		lowered: `m := Scores{"a": 1, "b": 2}
fmt.Println(_lowerMapsEqual(m, map[string]int{"b": 2, "a": 1}), _lowerMapsEqual(m, Scores{"a": 1}), _lowerMapsEqual(map[string]int{}, map[string]int(nil)))
nanKey := map[float64]int{math.NaN(): 1}
fmt.Println(_lowerMapsEqual(nanKey, nanKey))
fmt.Println(_lowerMapsEqualFunc[string, int, string](m, map[string]string{"a": "1", "b": "2"}, func(v int, s string) bool { return strconv.Itoa(v) == s }), _lowerMapsEqualFunc[string, int, int](m, Scores{"a": 3, "b": 4}, func(a, b int) bool { return a%2 == b%2 }))
fmt.Println(_lowerMinFunc([]int{}, func(a, b int) int { return a - b }))`,
		out:  "true false true\nfalse\ntrue true\n",
		exit: 2,
	},
	// Sync.OnceValue.
	rewriteCase{
		body: `calls := 0
f := sync.OnceValue(func() int { calls++; return 42 })
fmt.Println(f(), f(), calls)`,
		lowered: `calls := 0
f := _lowerOnceValue(func() int { calls++; return 42 })
fmt.Println(f(), f(), calls)`,
		out: "42 42 1\n",
	},
	// errors.As and errors.Is through the interpreter's wrappers of the
	// program's errors (errorsExact): a pointer type of the program, one
	// of the library, a sentinel of the program's type, errors.Join and
	// two %w.
	rewriteCase{
		decls: `type HTTPError struct {
	Status int
	path   string
}

func (e *HTTPError) Error() string { return "http " + strconv.Itoa(e.Status) }

type Code int

func (c Code) Error() string { return "code " + strconv.Itoa(int(c)) }

var ErrGone = &HTTPError{410, "/gone"}
var ErrLate = errors.New("late")`,
		body: `_, numErr := strconv.Atoi("x")
chain := fmt.Errorf("a: %w; %w", errors.Join(ErrLate, fmt.Errorf("%w", Code(7))), fmt.Errorf("b: %w", &HTTPError{404, "/x"}))
var he *HTTPError
var ne *strconv.NumError
var c Code
fmt.Println(errors.As(chain, &he), he.Status, he.path, errors.As(chain, &ne), errors.As(chain, &c), c)
fmt.Println(errors.As(fmt.Errorf("c: %w", numErr), &ne), ne.Func, errors.As(numErr, &he))
fmt.Println(errors.Is(chain, ErrLate), errors.Is(chain, Code(7)), errors.Is(chain, Code(8)), errors.Is(chain, ErrGone))
var target error = Code(7)
fmt.Println(errors.Is(fmt.Errorf("d: %w", ErrGone), ErrGone), errors.Is(nil, ErrLate), errors.Is(nil, nil), errors.Is(chain, target))`,
		lowered: `_, numErr := strconv.Atoi("x")
chain := fmt.Errorf("a: %w; %w", errors.Join(ErrLate, fmt.Errorf("%w", _lowerRT.Errorer(Code(7)))), fmt.Errorf("b: %w", _lowerRT.Errorer(&HTTPError{404, "/x"})))
var he *HTTPError
var ne *strconv.NumError
var c Code
fmt.Println(_lowerRT.As(chain, &he), he.Status, he.path, _lowerRT.As(chain, &ne), _lowerRT.As(chain, &c), _lowerRT.Errorer(c))
fmt.Println(_lowerRT.As(fmt.Errorf("c: %w", numErr), &ne), ne.Func, _lowerRT.As(numErr, &he))
fmt.Println(_lowerRT.Is(chain, ErrLate), _lowerRT.Is(chain, Code(7)), _lowerRT.Is(chain, Code(8)), _lowerRT.Is(chain, ErrGone))
var target error = Code(7)
fmt.Println(_lowerRT.Is(fmt.Errorf("d: %w", _lowerRT.Errorer(ErrGone)), ErrGone), _lowerRT.Is(nil, ErrLate), _lowerRT.Is(nil, nil), _lowerRT.Is(chain, target))`,
		out: "true 404 /x false true code 7\ntrue Atoi false\ntrue true false false\ntrue false true true\n",
	},
)

// A call with type arguments written stays the library's, and Detect
// names it, unless the helper's type parameters are the library's
// (sameTypeParams): slices.Sort[[]int]'s S is no E_ of _lowerSort. The
// helpers whose type arguments the pass writes (explicitCalls) are left
// when the call is not made at once.
func TestLibCallsWithTypeArguments(t *testing.T) {
	for _, c := range []struct{ body, lowered, detect string }{
		{"s := []int{2, 1}\n\tslices.Sort[[]int](s)\n\tfmt.Println(s)", "slices.Sort[[]int](s)", "slices.Sort is not available"},
		{"fmt.Println(slices.Grow[[]int](nil, 2) == nil)", "slices.Grow[[]int](nil, 2)", "slices.Grow is not available"},
		{"fmt.Println(slices.Concat[[]int]() == nil)", "slices.Concat[[]int]()", "slices.Concat is not available"},
		{"f := slices.Concat[[]int]\n\tfmt.Println(f([]int{1}))", "f := slices.Concat[[]int]", "slices.Concat is not available"},
		{"fmt.Println(sync.OnceValue[int](func() int { return 1 })())", "_lowerOnceValue[int](func() int { return 1 })()", ""},
		{"fmt.Println(slices.Concat([]int{1}, []int{2}))", "_lowerConcat[int]([]int{1}, []int{2})", ""},
	} {
		pkg := "slices"
		if strings.Contains(c.body, "sync.") {
			pkg = "sync"
		}
		src := "package main\n\nimport (\n\t\"fmt\"\n\t\"" + pkg + "\"\n)\n\nfunc main() {\n\t" + c.body + "\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Code, c.lowered) {
			t.Errorf("%s\nlowered to\n%s\nwant %s in it", c.body, p.Code, c.lowered)
		}
		if got := BeforeRun(p, err); c.detect == "" && got != "" || !strings.Contains(got, c.detect) {
			t.Errorf("%s: BeforeRun says %q, want %q", c.body, got, c.detect)
		}
	}
}
