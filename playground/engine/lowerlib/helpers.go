package lowerlib

import (
	_lower_os "os"
	_lower_runtime "runtime"
	_lower_sort "sort"
	_lower_strconv "strconv"
	_lower_sync "sync"
	_lower_unicode_utf8 "unicode/utf8"

	_lowerRT "github.com/goexpert/gointernals/playground/engine/lowerlib/rt"
)

// _lowerOrdered is cmp.Ordered.
type _lowerOrdered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

// _lowerMin is the built-in min of two values: a NaN wins, as in Go.
func _lowerMin[V_ _lowerOrdered](a, b V_) V_ {
	if a != a {
		return a
	}
	if b != b || b < a {
		return b
	}
	return a
}

// _lowerMax is the built-in max of two values: a NaN wins, as in Go.
func _lowerMax[V_ _lowerOrdered](a, b V_) V_ {
	if a != a {
		return a
	}
	if b != b || b > a {
		return b
	}
	return a
}

// _lowerRecovered is what recover returned, unwrapped. The interpreter
// gives a binary function an invalid value for a nil interface, so nil is
// answered here.
func _lowerRecovered(r any) any {
	if r == nil {
		return nil
	}
	return _lowerRT.Recovered(r)
}

// _lowerGoPanic ends the program with the panic's message (the engine's
// goPanic defers it at the top of a goroutine).
func _lowerGoPanic(r any) {
	_lowerRT.GoEnd()
	if r != nil {
		_lowerRT.GoPanic(r)
	}
}

// _lowerMainEnd tells the engine that main returned (the engine's
// mainEnd defers it first in main, so it runs after main's own deferred
// calls).
func _lowerMainEnd() { _lowerRT.MainEnd() }

// _lowerInteger is the integer types, for _lowerShift.
type _lowerInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// _lowerShift checks a shift count: Go panics on a negative one; the
// interpreter does not.
func _lowerShift[N_ _lowerInteger](n N_) N_ {
	if n < 0 {
		_lowerRT.NegativeShift()
	}
	return n
}

// _lowerF2I64 is int64(x) as go run computes it on amd64 (CVTTSD2SQ):
// NaN, and a value whose truncation int64 cannot hold, give -1<<63 (the
// interpreter under js/wasm saturates). int, and uint32 through it.
func _lowerF2I64(x float64) int64 {
	if x >= -9223372036854775808 && x < 9223372036854775808 {
		return int64(x)
	}
	return -9223372036854775808
}

// _lowerF2I32 is int32(x) as go run computes it on amd64 (CVTTSD2SL),
// -1<<31 for what int32 cannot hold; int8, int16, uint8 and uint16
// through it.
func _lowerF2I32(x float64) int32 {
	if x > -2147483649 && x < 2147483648 {
		return int32(x)
	}
	return -2147483648
}

// _lowerF2U64 is uint64(x) as go run computes it on amd64: x below 1<<63
// as int64, above it less 1<<63, as int64, with the top bit set; uint
// and uintptr too.
func _lowerF2U64(x float64) uint64 {
	if x < 9223372036854775808 {
		return uint64(_lowerF2I64(x))
	}
	return uint64(_lowerF2I64(x-9223372036854775808)) | 1<<63
}

// _lowerAssertOK is x.(T_) with ok, false for a nil x.
func _lowerAssertOK[T_ any](x any) (T_, bool) {
	if x == nil {
		var zero T_
		return zero, false
	}
	t, ok := x.(T_)
	return t, ok
}

// _lowerPanicValue is what panic(v) panics with: Go 1.21's
// *runtime.PanicNilError for nil, the value otherwise.
func _lowerPanicValue(v any) any {
	if v == nil {
		return new(_lower_runtime.PanicNilError)
	}
	return v
}

// _lowerCopy copies what a pointer points to, for a method value with a
// value receiver.
func _lowerCopy[V_ any](v V_) V_ { return _lowerRT.Pointee(v).(V_) }

// _lowerSort is slices.Sort (NaNs first).
func _lowerSort[E_ _lowerOrdered](x []E_) {
	_lower_sort.Slice(x, func(i, j int) bool { return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j]) })
}

// _lowerSortFunc is slices.SortFunc.
func _lowerSortFunc[E_ any](x []E_, cmp func(a, b E_) int) {
	_lower_sort.Slice(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}

// _lowerSortStableFunc is slices.SortStableFunc.
func _lowerSortStableFunc[E_ any](x []E_, cmp func(a, b E_) int) {
	_lower_sort.SliceStable(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}

// _lowerIsSorted is slices.IsSorted.
func _lowerIsSorted[E_ _lowerOrdered](x []E_) bool {
	for i := len(x) - 1; i > 0; i-- {
		if x[i] < x[i-1] || (x[i] != x[i] && x[i-1] == x[i-1]) {
			return false
		}
	}
	return true
}

// _lowerSlicesMin is slices.Min.
func _lowerSlicesMin[E_ _lowerOrdered](x []E_) E_ {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = _lowerMin(m, x[i])
	}
	return m
}

// _lowerSlicesMax is slices.Max.
func _lowerSlicesMax[E_ _lowerOrdered](x []E_) E_ {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = _lowerMax(m, x[i])
	}
	return m
}

// _lowerReverse is slices.Reverse.
func _lowerReverse[E_ any](s []E_) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// _lowerEqual is slices.Equal.
func _lowerEqual[E_ comparable](a, b []E_) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// _lowerClone is slices.Clone.
func _lowerClone[E_ any](s []E_) []E_ {
	if s == nil {
		return nil
	}
	return append([]E_{}, s...)
}

// _lowerBinarySearch is slices.BinarySearch.
func _lowerBinarySearch[E_ _lowerOrdered](x []E_, target E_) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x[m] < target {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && x[lo] == target
}

// _lowerSorted is slices.Sorted. Iterators are plain functions: passed
// from one helper to another they need no range over a function, which
// the interpreter lacks.
func _lowerSorted[E_ _lowerOrdered](seq func(func(E_) bool)) []E_ {
	var s []E_
	seq(func(e E_) bool { s = append(s, e); return true })
	_lowerSort(s)
	return s
}

// _lowerCollect is slices.Collect.
func _lowerCollect[E_ any](seq func(func(E_) bool)) []E_ {
	var s []E_
	seq(func(e E_) bool { s = append(s, e); return true })
	return s
}

// _lowerMapsKeys is maps.Keys.
func _lowerMapsKeys[K_ comparable, V_ any](m map[K_]V_) func(func(K_) bool) {
	return func(yield func(K_) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// _lowerMapsValues is maps.Values.
func _lowerMapsValues[K_ comparable, V_ any](m map[K_]V_) func(func(V_) bool) {
	return func(yield func(V_) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

// _lowerMapsClone is maps.Clone.
func _lowerMapsClone[K_ comparable, V_ any](m map[K_]V_) map[K_]V_ {
	if m == nil {
		return nil
	}
	r := make(map[K_]V_, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

// _lowerMapsCopy is maps.Copy.
func _lowerMapsCopy[K_ comparable, V_ any](dst, src map[K_]V_) {
	for k, v := range src {
		dst[k] = v
	}
}

// _lowerInsert is slices.Insert. It grows s as Go's does, through append,
// so cap(s) after it is the same; v is copied first, since it may be part
// of s.
func _lowerInsert[E_ any](s []E_, i int, v ...E_) []E_ {
	_ = s[i:]
	if len(v) == 0 {
		return s
	}
	v = append([]E_(nil), v...)
	n := len(s)
	if n+len(v) > cap(s) {
		grown := append(s[:i], make([]E_, n+len(v)-i)...)
		copy(grown[i:], v)
		copy(grown[i+len(v):], s[i:])
		return grown
	}
	s = s[:n+len(v)]
	copy(s[i+len(v):], s[i:n])
	copy(s[i:], v)
	return s
}

// _lowerDelete is slices.Delete. It zeroes the elements it leaves past
// the new length, as Go's does since 1.22.
func _lowerDelete[E_ any](s []E_, i, j int) []E_ {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	var zero E_
	for k := len(s); k < n; k++ {
		s[:n][k] = zero
	}
	return s
}

// _lowerDeleteFunc is slices.DeleteFunc: del is called on each element
// once, in order, and the elements past the new length, up to the old,
// are zeroed, as Go's are.
func _lowerDeleteFunc[E_ any](s []E_, del func(E_) bool) []E_ {
	i := 0
	for i < len(s) && !del(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	var zero E_
	for k := i; k < len(s); k++ {
		s[k] = zero
	}
	return s[:i]
}

// _lowerCompact is slices.Compact (a NaN equals no NaN, so runs of them
// stay).
func _lowerCompact[E_ comparable](s []E_) []E_ {
	return _lowerCompactFunc(s, func(a, b E_) bool { return a == b })
}

// _lowerCompactFunc is slices.CompactFunc: it keeps the first of a run,
// calls eq on the same pairs in the same order as Go's, and zeroes the
// elements past the new length, up to the old.
func _lowerCompactFunc[E_ any](s []E_, eq func(E_, E_) bool) []E_ {
	if len(s) < 2 {
		return s
	}
	k := 1
	for k < len(s) && !eq(s[k], s[k-1]) {
		k++
	}
	if k == len(s) {
		return s
	}
	rest := s[k:]
	for r := 1; r < len(rest); r++ {
		if !eq(rest[r], rest[r-1]) {
			s[k] = rest[r]
			k++
		}
	}
	var zero E_
	for z := k; z < len(s); z++ {
		s[z] = zero
	}
	return s[:k]
}

// _lowerReplace is slices.Replace: s[i:j] becomes v, with the bounds
// checked by the same slice expressions as Go's, so a panic is the same
// runtime error. v is copied first, since it may be part of s; the
// result then is what Go's gives in every case of overlap. A result
// longer than cap(s) is grown through append as Go's is (the same
// capacity, s untouched); otherwise the elements past the new length, up
// to the old, are zeroed.
func _lowerReplace[E_ any](s []E_, i, j int, v ...E_) []E_ {
	_ = s[i:j]
	if i == j {
		return _lowerInsert(s, i, v...)
	}
	n := len(s)
	if j != n {
		_ = s[j:]
	}
	v = append([]E_(nil), v...)
	tot := i + len(v) + n - j
	if tot > cap(s) {
		grown := append(s[:i], make([]E_, tot-i)...)
		copy(grown[i:], v)
		copy(grown[i+len(v):], s[j:])
		return grown
	}
	r := s[:tot]
	copy(r[i+len(v):], s[j:n])
	copy(r[i:], v)
	var zero E_
	for k := tot; k < n; k++ {
		s[k] = zero
	}
	return r
}

// _lowerGrow is slices.Grow: room for n more elements, grown through
// append as Go's is; a negative n panics with Go's message.
func _lowerGrow[E_ any](s []E_, n int) []E_ {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E_, n)...)[:len(s)]
	}
	return s
}

// _lowerClip is slices.Clip.
func _lowerClip[E_ any](s []E_) []E_ { return s[:len(s):len(s)] }

// _lowerConcat is slices.Concat: nil when the result is empty, its
// capacity what _lowerGrow of nil gives, as Go's; a length past int's
// range panics with Go's message. The interpreter does not infer E_ from
// a variadic parameter, so the source pass writes it (explicitCalls).
func _lowerConcat[E_ any](ss ...[]E_) []E_ {
	size := 0
	for _, s := range ss {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	r := _lowerGrow([]E_(nil), size)
	for _, s := range ss {
		r = append(r, s...)
	}
	return r
}

// _lowerRepeat is slices.Repeat: never nil, its length and capacity
// len(x)*count; a negative count and a length past int's range panic
// with Go's messages.
func _lowerRepeat[E_ any](x []E_, count int) []E_ {
	if count < 0 {
		panic("cannot be negative")
	}
	if len(x) > 0 && count > int(^uint(0)>>1)/len(x) {
		panic("the result of (len(x) * count) overflows")
	}
	r := make([]E_, len(x)*count)
	n := copy(r, x)
	for n < len(r) {
		n += copy(r[n:], r[:n])
	}
	return r
}

// _lowerSlicesCompare is slices.Compare, each pair compared as
// cmp.Compare does: a NaN below any other value and equal to a NaN.
func _lowerSlicesCompare[E_ _lowerOrdered](s1, s2 []E_) int {
	for i, a := range s1 {
		if i >= len(s2) {
			return +1
		}
		b := s2[i]
		switch {
		case a != a && b != b:
		case a != a || a < b:
			return -1
		case b != b || a > b:
			return +1
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// _lowerIsSortedFunc is slices.IsSortedFunc.
func _lowerIsSortedFunc[E_ any](x []E_, cmp func(a, b E_) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// _lowerMinFunc is slices.MinFunc: the first of equal minima.
func _lowerMinFunc[E_ any](x []E_, cmp func(a, b E_) int) E_ {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

// _lowerMaxFunc is slices.MaxFunc: the first of equal maxima.
func _lowerMaxFunc[E_ any](x []E_, cmp func(a, b E_) int) E_ {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

// _lowerBinarySearchFunc is slices.BinarySearchFunc: the same halvings,
// so cmp is called on the same elements.
func _lowerBinarySearchFunc[E_, T_ any](x []E_, target T_, cmp func(E_, T_) int) (int, bool) {
	lo, hi := 0, len(x)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cmp(x[m], target) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(x) && cmp(x[lo], target) == 0
}

// _lowerMapsEqual is maps.Equal.
func _lowerMapsEqual[K_, V_ comparable](m1, m2 map[K_]V_) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

// _lowerMapsEqualFunc is maps.EqualFunc.
func _lowerMapsEqualFunc[K_ comparable, V1_, V2_ any](m1 map[K_]V1_, m2 map[K_]V2_, eq func(V1_, V2_) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

// _lowerOr is cmp.Or of two values (see the engine's nestedCalls).
func _lowerOr[T_ comparable](a, b T_) T_ {
	var zero T_
	if a != zero {
		return a
	}
	return b
}

// _lowerOnceFunc is sync.OnceFunc. The Once helpers keep a panic of f, as
// Go's do: every later call panics again with the same value. The value
// goes through _lowerRecovered, since the interpreter wraps what recover
// returns.
func _lowerOnceFunc(f func()) func() {
	var once _lower_sync.Once
	var done bool
	var p any
	call := func() {
		defer func() {
			if !done {
				p = _lowerRecovered(recover())
				panic(p)
			}
		}()
		f()
		done = true
	}
	return func() {
		once.Do(call)
		if !done {
			panic(p)
		}
	}
}

// _lowerOnceValue is sync.OnceValue.
func _lowerOnceValue[T_ any](f func() T_) func() T_ {
	var v T_
	g := _lowerOnceFunc(func() { v = f() })
	return func() T_ {
		g()
		return v
	}
}

// _lowerOnceValues is sync.OnceValues.
func _lowerOnceValues[T1_, T2_ any](f func() (T1_, T2_)) func() (T1_, T2_) {
	var v1 T1_
	var v2 T2_
	g := _lowerOnceFunc(func() { v1, v2 = f() })
	return func() (T1_, T2_) {
		g()
		return v1, v2
	}
}

// _lowerPrint is the built-in print (see _lowerPrintTo).
func _lowerPrint(args ...any) { _lowerPrintTo(false, args) }

// _lowerPrintln is the built-in println.
func _lowerPrintln(args ...any) { _lowerPrintTo(true, args) }

// _lowerPrintTo writes to standard error what Go's runtime writes
// (runtime/print.go); the source pass converts each operand to one of
// these types.
func _lowerPrintTo(newline bool, args []any) {
	s := ""
	for i, a := range args {
		if newline && i > 0 {
			s += " "
		}
		switch a := a.(type) {
		case bool:
			s += _lower_strconv.FormatBool(a)
		case int64:
			s += _lower_strconv.FormatInt(a, 10)
		case uint64:
			s += _lower_strconv.FormatUint(a, 10)
		case float32:
			s += _lower_strconv.FormatFloat(float64(a), 'g', -1, 32)
		case float64:
			s += _lower_strconv.FormatFloat(a, 'g', -1, 64)
		case string:
			s += a
		}
	}
	if newline {
		s += "\n"
	}
	_lower_os.Stderr.Write([]byte(s))
}

// _lowerTypeName is x's type's name (typeVerbs).
func _lowerTypeName(x any, name string) string { return name }

// _lowerTypeVerbs is format, a %T made %s where mask says 's'.
func _lowerTypeVerbs(format, mask string) string {
	b := []byte(format)
	arg := 0
	for i := 0; i < len(b); i++ {
		if b[i] != '%' {
			continue
		}
		for i++; i < len(b) && (b[i] == '+' || b[i] == '-' || b[i] == '#' || b[i] == ' ' || b[i] == '.' || b[i] >= '0' && b[i] <= '9'); i++ {
		}
		if i < len(b) && b[i] != '%' {
			if b[i] == 'T' && mask[arg] == 's' {
				b[i] = 's'
			}
			arg++
		}
	}
	return string(b)
}

// _lowerRuneAt is the rune a range over s gives at byte offset o: U+FFFD
// where a byte starts no valid encoding.
func _lowerRuneAt(s string, o int) rune {
	r, _ := _lower_unicode_utf8.DecodeRuneInString(s[o:])
	return r
}

// _lowerRuneEnd is the offset of the rune after the one at o: one byte on
// where a byte starts no valid encoding, as a range over a string moves.
func _lowerRuneEnd(s string, o int) int {
	_, n := _lower_unicode_utf8.DecodeRuneInString(s[o:])
	return o + n
}
