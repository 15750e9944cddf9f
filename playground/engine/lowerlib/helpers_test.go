package lowerlib

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
)

// Each helper against what it stands in for, on the toolchain that runs
// the tests (the interpreter's side: testdata/library_helpers.go).

func TestMinMax(t *testing.T) {
	nan := math.NaN()
	for _, c := range [][2]float64{{1, 2}, {2, 1}, {nan, 1}, {1, nan}, {math.Inf(-1), 0}, {0, math.Copysign(0, -1)}} {
		a, b := c[0], c[1]
		if got, want := _lowerMin(a, b), min(a, b); !same(got, want) {
			t.Errorf("_lowerMin(%v, %v) = %v; min gives %v", a, b, got, want)
		}
		if got, want := _lowerMax(a, b), max(a, b); !same(got, want) {
			t.Errorf("_lowerMax(%v, %v) = %v; max gives %v", a, b, got, want)
		}
	}
	if _lowerMin("b", "a") != "a" || _lowerMax(3, 7) != 7 {
		t.Error("_lowerMin or _lowerMax of strings or ints")
	}
}

// same compares floats with NaN equal to NaN. (Go's min(0, -0) may
// return either zero, so zeros' signs are not compared.)
func same(a, b float64) bool { return a == b || a != a && b != b }

func TestSorting(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	type item struct{ key, id int }
	byKey := func(a, b item) int { return a.key - b.key }
	for n := range 100 {
		fl := make([]float64, n)
		items := make([]item, n)
		for i := range fl {
			fl[i] = float64(rng.IntN(5))
			if rng.IntN(10) == 0 {
				fl[i] = math.NaN()
			}
			items[i] = item{rng.IntN(3), i}
		}
		a, b := slices.Clone(fl), slices.Clone(fl)
		_lowerSort(a)
		slices.Sort(b)
		if fmt.Sprint(a) != fmt.Sprint(b) || _lowerIsSorted(a) != slices.IsSorted(a) || !_lowerIsSorted(a) {
			t.Fatalf("n=%d: _lowerSort gave %v, slices.Sort %v", n, a, b)
		}
		if n > 1 && _lowerIsSorted(fl) != slices.IsSorted(fl) {
			t.Fatalf("_lowerIsSorted(%v) = %v", fl, _lowerIsSorted(fl))
		}
		x, y := slices.Clone(items), slices.Clone(items)
		_lowerSortFunc(x, byKey)
		slices.SortFunc(y, byKey)
		if !slices.Equal(x, y) {
			t.Fatalf("n=%d: _lowerSortFunc gave %v, slices.SortFunc %v", n, x, y)
		}
		x, y = slices.Clone(items), slices.Clone(items)
		_lowerSortStableFunc(x, byKey)
		slices.SortStableFunc(y, byKey)
		if !slices.Equal(x, y) {
			t.Fatalf("n=%d: _lowerSortStableFunc gave %v, slices.SortStableFunc %v", n, x, y)
		}
		ints := make([]int, n)
		for i := range ints {
			ints[i] = rng.IntN(20)
		}
		slices.Sort(ints)
		for target := -1; target <= 21; target++ {
			i, ok := _lowerBinarySearch(ints, target)
			j, found := slices.BinarySearch(ints, target)
			if i != j || ok != found {
				t.Fatalf("_lowerBinarySearch(%v, %d) = %d, %v; slices gives %d, %v", ints, target, i, ok, j, found)
			}
		}
	}
}

func TestSliceFunctions(t *testing.T) {
	s := []int{3, 1, 2}
	if _lowerSlicesMin(s) != slices.Min(s) || _lowerSlicesMax(s) != slices.Max(s) {
		t.Error("_lowerSlicesMin or _lowerSlicesMax")
	}
	if got := panicOf(func() { _ = _lowerSlicesMin([]int{}) }); got != panicOf(func() { _ = slices.Min([]int{}) }) {
		t.Errorf("_lowerSlicesMin of nothing panics with %v", got)
	}
	if got := panicOf(func() { _ = _lowerSlicesMax([]int{}) }); got != panicOf(func() { _ = slices.Max([]int{}) }) {
		t.Errorf("_lowerSlicesMax of nothing panics with %v", got)
	}
	r := slices.Clone(s)
	_lowerReverse(r)
	if !slices.Equal(r, []int{2, 1, 3}) {
		t.Errorf("_lowerReverse: %v", r)
	}
	for _, c := range [][2][]int{{nil, {}}, {{1}, {1}}, {{1}, {2}}, {{1, 2}, {1}}} {
		if _lowerEqual(c[0], c[1]) != slices.Equal(c[0], c[1]) {
			t.Errorf("_lowerEqual(%v, %v)", c[0], c[1])
		}
	}
	if _lowerClone([]int(nil)) != nil || _lowerClone([]int{}) == nil || !slices.Equal(_lowerClone(s), s) {
		t.Error("_lowerClone keeps nil as nil and an empty slice empty")
	}
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	if got := _lowerSorted(_lowerMapsKeys(m)); !slices.Equal(got, slices.Sorted(maps.Keys(m))) {
		t.Errorf("_lowerSorted(_lowerMapsKeys(m)) = %v", got)
	}
	if got := _lowerSorted(_lowerMapsValues(m)); !slices.Equal(got, slices.Sorted(maps.Values(m))) {
		t.Errorf("_lowerSorted(_lowerMapsValues(m)) = %v", got)
	}
	if got := _lowerCollect(_lowerMapsKeys(map[int]bool{7: true})); !slices.Equal(got, []int{7}) {
		t.Errorf("_lowerCollect: %v", got)
	}
	if got := _lowerCollect(_lowerMapsKeys(map[int]bool{})); got != nil {
		t.Errorf("_lowerCollect of nothing: %#v, not nil as slices.Collect's", got)
	}
}

// Insert and Delete leave the slice as slices' do: the same length,
// capacity and elements, the backing array's past the length too.
func TestInsertDelete(t *testing.T) {
	for _, capacity := range []int{3, 4, 8} {
		for i := 0; i <= 3; i++ {
			for _, v := range [][]int{nil, {9}, {8, 9}} {
				a := append(make([]int, 0, capacity), 1, 2, 3)
				b := append(make([]int, 0, capacity), 1, 2, 3)
				x, y := _lowerInsert(a, i, v...), slices.Insert(b, i, v...)
				if !slices.Equal(x, y) || cap(x) != cap(y) || !slices.Equal(a[:cap(a)], b[:cap(b)]) {
					t.Errorf("cap %d, Insert at %d of %v: %v (cap %d), slices.Insert %v (cap %d)", capacity, i, v, x, cap(x), y, cap(y))
				}
			}
			for j := i; j <= 3; j++ {
				a, b := []int{1, 2, 3}, []int{1, 2, 3}
				x, y := _lowerDelete(a, i, j), slices.Delete(b, i, j)
				if !slices.Equal(x, y) || !slices.Equal(a, b) {
					t.Errorf("Delete(%d, %d): %v leaving %v, slices.Delete %v leaving %v", i, j, x, a, y, b)
				}
			}
		}
	}
	s := []int{1, 2, 3}
	s = _lowerInsert(s[:2], 1, s[1:]...) // v overlaps s
	if !slices.Equal(s, []int{1, 2, 3, 2}) {
		t.Errorf("Insert of a part of s: %v", s)
	}
	if panicOf(func() { _lowerInsert([]int{1}, 2, 5) }) == nil || panicOf(func() { _lowerDelete([]int{1}, 1, 0) }) == nil {
		t.Error("an index out of range must panic, as in slices")
	}
}

func TestMapsAndOr(t *testing.T) {
	m := map[string]int{"a": 1}
	c := _lowerMapsClone(m)
	c["b"] = 2
	if len(m) != 1 || _lowerMapsClone(map[string]int(nil)) != nil {
		t.Error("_lowerMapsClone shares its map or makes nil non-nil")
	}
	_lowerMapsCopy(m, c)
	if !maps.Equal(m, c) {
		t.Errorf("_lowerMapsCopy: %v", m)
	}
	for _, c := range [][2]string{{"", ""}, {"", "b"}, {"a", "b"}, {"a", ""}} {
		if _lowerOr(c[0], c[1]) != cmp.Or(c[0], c[1]) {
			t.Errorf("_lowerOr(%q, %q)", c[0], c[1])
		}
	}
}

func TestOnce(t *testing.T) {
	calls := 0
	f := _lowerOnceFunc(func() { calls++ })
	f()
	f()
	v := _lowerOnceValue(func() int { calls++; return calls })
	a, b := v(), v()
	vs := _lowerOnceValues(func() (int, error) { calls++; return calls, nil })
	x, _ := vs()
	y, _ := vs()
	if calls != 3 || a != b || a != 2 || x != y || x != 3 {
		t.Errorf("%d calls; OnceValue gave %d, %d; OnceValues %d, %d", calls, a, b, x, y)
	}
	// A panic of f is replayed on every call, as sync's are.
	mine := _lowerOnceFunc(func() { panic("boom") })
	theirs := sync.OnceFunc(func() { panic("boom") })
	for range 2 {
		if got, want := panicOf(mine), panicOf(theirs); got != want {
			t.Errorf("_lowerOnceFunc's panic: %v; sync.OnceFunc's %v", got, want)
		}
	}
}

type myErr struct{ code int }

func (e myErr) Error() string { return strconv.Itoa(e.code) }

func TestSmallOnes(t *testing.T) {
	if e, ok := _lowerAssertOK[error](nil); e != nil || ok {
		t.Error("_lowerAssertOK of nil")
	}
	if e, ok := _lowerAssertOK[error](myErr{1}); !ok || e != (myErr{1}) {
		t.Error("_lowerAssertOK of an error")
	}
	if _, ok := _lowerAssertOK[error](3); ok {
		t.Error("_lowerAssertOK of an int")
	}
	if _, ok := _lowerPanicValue(nil).(*runtime.PanicNilError); !ok || _lowerPanicValue(3) != 3 {
		t.Error("_lowerPanicValue")
	}
	if got, want := fmt.Sprint(panicOf(func() { _lowerShift(-1) })), fmt.Sprint(panicOf(func() { n := -1; _ = 1 << n })); got != want {
		t.Errorf("_lowerShift(-1) panics with %q; a shift by -1 with %q", got, want)
	}
	if _lowerShift(uint8(3)) != 3 {
		t.Error("_lowerShift changed its count")
	}
	type pt struct{ x int }
	p := &pt{1}
	q := _lowerCopy(p)
	p.x = 2
	if q == p || q.x != 1 || _lowerCopy(3) != 3 {
		t.Error("_lowerCopy does not copy what a pointer points to")
	}
	if _lowerRecovered(nil) != nil || _lowerRecovered(5) != 5 {
		t.Error("_lowerRecovered")
	}
	if got := panicOf(func() { _lowerGoPanic("boom") }); got != "boom" || panicOf(func() { _lowerGoPanic(nil) }) != nil {
		t.Errorf("_lowerGoPanic panics with %v", got)
	}
}

func panicOf(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// TestFloatToInteger holds _lowerF2I32, _lowerF2I64 and _lowerF2U64, as
// the source pass composes them for each integer type (floatConversions),
// to what go run computes on amd64: to the values it printed (written
// here, so the test holds on any machine) and, on amd64, to the machine's
// own conversions of many more.
func TestFloatToInteger(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	type all struct {
		i8, i16, i32, i64 int64
		u8, u16, u32, u64 uint64
	}
	lowered := func(x float64) all {
		return all{int64(int8(_lowerF2I32(x))), int64(int16(_lowerF2I32(x))), int64(_lowerF2I32(x)), _lowerF2I64(x),
			uint64(uint8(_lowerF2I32(x))), uint64(uint16(_lowerF2I32(x))), uint64(uint32(_lowerF2I64(x))), _lowerF2U64(x)}
	}
	// go run on linux/amd64 (go1.26.8), 2026-12-02.
	for _, c := range []struct {
		x    float64
		want all
	}{
		{inf, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{-inf, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{nan, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{-1.5, all{-1, -1, -1, -1, 255, 65535, 4294967295, 18446744073709551615}},
		{300.7, all{44, 300, 300, 300, 44, 300, 300, 300}},
		{3.007e9, all{0, 0, -2147483648, 3007000000, 0, 0, 3007000000, 3007000000}},
		{1e20, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{0x1p63, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{-0x1p63, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{0x1p64, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 9223372036854775808}},
		{0x1.8p63, all{0, 0, -2147483648, -9223372036854775808, 0, 0, 0, 13835058055282163712}},
		{-2147483648.9, all{0, 0, -2147483648, -2147483648, 0, 0, 2147483648, 18446744071562067968}},
		{70000.5, all{112, 4464, 70000, 70000, 112, 4464, 70000, 70000}},
	} {
		if got := lowered(c.x); got != c.want {
			t.Errorf("x = %v: the helpers give %+v; go run gives %+v", c.x, got, c.want)
		}
	}
	if runtime.GOARCH != "amd64" {
		return
	}
	xs := []float64{inf, -inf, nan, 0, math.Copysign(0, -1), 0.5, -0.5, -1, -1.5, 127.9, 128, 255.5, 256, -129, 32768, 65536.5, -32769,
		0x1p31, 0x1p31 - 1, -0x1p31, -0x1p31 - 1, -0x1p31 - 0.5, 0x1p32, 0x1p32 + 3, 0x1p53, 0x1p63, 0x1p63 - 1024, -0x1p63, -0x1p63 - 2048,
		0x1p64, 0x1p64 - 2048, 0x1.8p63, 1e20, -1e20, 1e300, math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		xs = append(xs, math.Ldexp(rng.Float64()*2-1, rng.IntN(140)-4))
	}
	for _, x := range xs {
		native := all{int64(int8(x)), int64(int16(x)), int64(int32(x)), int64(x), uint64(uint8(x)), uint64(uint16(x)), uint64(uint32(x)), uint64(x)}
		if got := lowered(x); got != native {
			t.Errorf("x = %v: the helpers give %+v; amd64 gives %+v", x, got, native)
		}
		// A float32's conversions are its float64's: amd64's CVTTSS2S*
		// truncate as CVTTSD2S* do, and the widening is exact.
		f := float32(x)
		native32 := all{int64(int8(f)), int64(int16(f)), int64(int32(f)), int64(f), uint64(uint8(f)), uint64(uint16(f)), uint64(uint32(f)), uint64(f)}
		if got := lowered(float64(f)); got != native32 {
			t.Errorf("x = float32(%v): the helpers give %+v; amd64 gives %+v", f, got, native32)
		}
	}
}

// The helpers that shorten a slice in place (Compact, CompactFunc,
// DeleteFunc, Replace) leave it as slices' do: the same result, length,
// capacity and backing array, past the length too, and the same calls of
// the function given, in the same order.
func TestInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		n := rng.IntN(9)
		a := make([]int, n, n+rng.IntN(4))
		b := make([]int, n, cap(a))
		orig := make([]int, cap(a)) // past the length too, to show zeroing
		for i := range orig {
			orig[i] = rng.IntN(3)
		}
		var mine, theirs []string
		restore := func() {
			copy(a[:cap(a)], orig)
			copy(b[:cap(b)], orig)
			mine, theirs = nil, nil
		}
		restore()
		eqMine := func(x, y int) bool { mine = append(mine, fmt.Sprint(x, y)); return x == y }
		eqTheirs := func(x, y int) bool { theirs = append(theirs, fmt.Sprint(x, y)); return x == y }
		check := func(what string, x, y, a, b []int) {
			t.Helper()
			if !slices.Equal(x, y) || cap(x) != cap(y) || (x == nil) != (y == nil) || !slices.Equal(a[:cap(a)], b[:cap(b)]) || !slices.Equal(mine, theirs) {
				t.Fatalf("%s of %v: %v (cap %d) leaving %v, calls %v; slices gives %v (cap %d) leaving %v, calls %v", what, orig[:n], x, cap(x), a[:cap(a)], mine, y, cap(y), b[:cap(b)], theirs)
			}
		}
		check("Compact", _lowerCompact(a), slices.Compact(b), a, b)
		restore()
		check("CompactFunc", _lowerCompactFunc(a, eqMine), slices.CompactFunc(b, eqTheirs), a, b)
		restore()
		odd := func(calls *[]string) func(int) bool {
			return func(x int) bool { *calls = append(*calls, fmt.Sprint(x)); return x%2 == 1 }
		}
		check("DeleteFunc", _lowerDeleteFunc(a, odd(&mine)), slices.DeleteFunc(b, odd(&theirs)), a, b)
		restore()
		i := rng.IntN(n + 1)
		j := i + rng.IntN(n-i+1)
		v := make([]int, rng.IntN(5))
		for k := range v {
			v[k] = 5 + k
		}
		check(fmt.Sprintf("Replace(%d, %d, %v)", i, j, v), _lowerReplace(a, i, j, v...), slices.Replace(b, i, j, v...), a, b)
		restore()
		// v part of s, before, across and after s[i:j].
		if n > 0 {
			from := rng.IntN(cap(a))
			to := from + rng.IntN(cap(a)-from+1)
			x := _lowerReplace(a, i, j, a[:cap(a)][from:to]...)
			y := slices.Replace(b, i, j, b[:cap(b)][from:to]...)
			check(fmt.Sprintf("Replace(%d, %d, s[%d:%d] of cap %d)", i, j, from, to, cap(a)), x, y, a, b)
			restore()
		}
	}
	if _lowerCompact([]int(nil)) != nil || _lowerDeleteFunc([]int(nil), func(int) bool { return true }) != nil || _lowerReplace([]int(nil), 0, 0) != nil {
		t.Error("nil must stay nil")
	}
	for _, c := range [][3]int{{2, 1, 3}, {0, 4, 3}, {4, 5, 3}, {4, 4, 3}, {1, 5, 3}} {
		i, j, n := c[0], c[1], c[2]
		s := make([]int, n, 6)
		got := fmt.Sprint(panicOf(func() { _lowerReplace(s, i, j, 9) }))
		want := fmt.Sprint(panicOf(func() { _ = slices.Replace(s, i, j, 9) }))
		if got != want {
			t.Errorf("Replace(%d, %d) of len %d panics with %q; slices.Replace with %q", i, j, n, got, want)
		}
	}
}

func TestGrowClipConcatRepeat(t *testing.T) {
	for _, c := range [][3]int{{0, 0, 0}, {0, 0, 3}, {1, 1, 0}, {1, 1, 10}, {2, 5, 3}, {2, 5, 4}, {100, 100, 1}} {
		a := make([]int, c[0], c[1])
		x, y := _lowerGrow(a, c[2]), slices.Grow(a, c[2])
		if len(x) != len(y) || cap(x) != cap(y) {
			t.Errorf("Grow(len %d cap %d, %d): len %d cap %d; slices.Grow len %d cap %d", c[0], c[1], c[2], len(x), cap(x), len(y), cap(y))
		}
		if cx, cy := _lowerClip(a), slices.Clip(a); len(cx) != len(cy) || cap(cx) != cap(cy) {
			t.Errorf("Clip: cap %d; slices.Clip cap %d", cap(cx), cap(cy))
		}
	}
	if _lowerGrow([]int(nil), 0) != nil || _lowerClip([]int(nil)) != nil {
		t.Error("Grow and Clip keep nil")
	}
	for _, f := range []func(){
		func() { _lowerGrow([]int{1}, -1) },
		func() { _lowerRepeat([]int{1}, -1) },
		func() { _lowerRepeat([]int{1, 2}, math.MaxInt/2+1) },
		func() { _lowerRepeat(make([]int, 3), math.MaxInt) },
	} {
		if panicOf(f) == nil {
			t.Error("a negative count or an overflow must panic")
		}
	}
	wantPanics := []any{panicOf(func() { _ = slices.Grow([]int{1}, -1) }), panicOf(func() { _ = slices.Repeat([]int{1}, -1) }), panicOf(func() { _ = slices.Repeat([]int{1, 2}, math.MaxInt/2+1) })}
	gotPanics := []any{panicOf(func() { _lowerGrow([]int{1}, -1) }), panicOf(func() { _lowerRepeat([]int{1}, -1) }), panicOf(func() { _lowerRepeat([]int{1, 2}, math.MaxInt/2+1) })}
	if !slices.Equal(gotPanics, wantPanics) {
		t.Errorf("panics %q; slices' %q", gotPanics, wantPanics)
	}
	for _, parts := range [][][]int{nil, {nil}, {{}, nil}, {{1}}, {{1, 2}, nil, {3}}, {make([]int, 5), make([]int, 9)}} {
		x, y := _lowerConcat(parts...), slices.Concat(parts...)
		if !slices.Equal(x, y) || cap(x) != cap(y) || (x == nil) != (y == nil) {
			t.Errorf("Concat(%v) = %v (cap %d); slices.Concat %v (cap %d)", parts, x, cap(x), y, cap(y))
		}
	}
	for _, c := range []struct {
		x     []int
		count int
	}{{nil, 0}, {nil, 3}, {[]int{}, 2}, {[]int{1}, 0}, {[]int{1, 2}, 3}, {[]int{1, 2, 3}, 5}} {
		x, y := _lowerRepeat(c.x, c.count), slices.Repeat(c.x, c.count)
		if !slices.Equal(x, y) || cap(x) != cap(y) || x == nil {
			t.Errorf("Repeat(%v, %d) = %v (cap %d); slices.Repeat %v (cap %d)", c.x, c.count, x, cap(x), y, cap(y))
		}
	}
}

func TestCompareAndFuncs(t *testing.T) {
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	vals := []float64{nan, negZero, 0, 1, math.Inf(-1)}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		a, b := make([]float64, rng.IntN(4)), make([]float64, rng.IntN(4))
		for i := range a {
			a[i] = vals[rng.IntN(len(vals))]
		}
		for i := range b {
			b[i] = vals[rng.IntN(len(vals))]
		}
		if got, want := _lowerSlicesCompare(a, b), slices.Compare(a, b); got != want {
			t.Fatalf("_lowerSlicesCompare(%v, %v) = %d; slices.Compare gives %d", a, b, got, want)
		}
	}
	if _lowerSlicesCompare([]string{"a"}, []string{"a", "b"}) != -1 || _lowerSlicesCompare([]int(nil), []int{}) != 0 {
		t.Error("_lowerSlicesCompare of strings or empty slices")
	}
	type item struct{ key, id int }
	byKey := func(a, b item) int { return a.key - b.key }
	for n := range 40 {
		items := make([]item, n)
		for i := range items {
			items[i] = item{rng.IntN(4), i}
		}
		if _lowerIsSortedFunc(items, byKey) != slices.IsSortedFunc(items, byKey) {
			t.Fatalf("_lowerIsSortedFunc(%v)", items)
		}
		if n > 0 && (_lowerMinFunc(items, byKey) != slices.MinFunc(items, byKey) || _lowerMaxFunc(items, byKey) != slices.MaxFunc(items, byKey)) {
			t.Fatalf("_lowerMinFunc or _lowerMaxFunc of %v: not the first of equals", items)
		}
		slices.SortStableFunc(items, byKey)
		for target := -1; target <= 4; target++ {
			byTarget := func(e item, k int) int { return e.key - k }
			i, ok := _lowerBinarySearchFunc(items, target, byTarget)
			j, found := slices.BinarySearchFunc(items, target, byTarget)
			if i != j || ok != found {
				t.Fatalf("_lowerBinarySearchFunc(%v, %d) = %d, %v; slices gives %d, %v", items, target, i, ok, j, found)
			}
		}
	}
	cmpInt := func(a, b int) int { return a - b }
	if got, want := panicOf(func() { _lowerMinFunc([]int{}, cmpInt) }), panicOf(func() { _ = slices.MinFunc([]int{}, cmpInt) }); got != want {
		t.Errorf("_lowerMinFunc of nothing panics with %v; slices.MinFunc with %v", got, want)
	}
	if got, want := panicOf(func() { _lowerMaxFunc([]int(nil), cmpInt) }), panicOf(func() { _ = slices.MaxFunc([]int(nil), cmpInt) }); got != want {
		t.Errorf("_lowerMaxFunc of nothing panics with %v; slices.MaxFunc with %v", got, want)
	}
}

func TestMapsEqual(t *testing.T) {
	nanKey := map[float64]int{math.NaN(): 1}
	maps_ := []map[string]int{nil, {}, {"a": 1}, {"a": 2}, {"b": 1}, {"a": 1, "b": 2}}
	for _, m1 := range maps_ {
		for _, m2 := range maps_ {
			if _lowerMapsEqual(m1, m2) != maps.Equal(m1, m2) {
				t.Errorf("_lowerMapsEqual(%v, %v)", m1, m2)
			}
			odd := func(a, b int) bool { return a%2 == b%2 }
			if _lowerMapsEqualFunc(m1, m2, odd) != maps.EqualFunc(m1, m2, odd) {
				t.Errorf("_lowerMapsEqualFunc(%v, %v)", m1, m2)
			}
		}
	}
	if _lowerMapsEqual(nanKey, nanKey) != maps.Equal(nanKey, nanKey) {
		t.Error("_lowerMapsEqual of a NaN key")
	}
	asText := func(v int, s string) bool { return strconv.Itoa(v) == s }
	if !_lowerMapsEqualFunc(map[int]int{1: 1}, map[int]string{1: "1"}, asText) {
		t.Error("_lowerMapsEqualFunc of two value types")
	}
}
