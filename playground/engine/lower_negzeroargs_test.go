package engine

var _ = addCases("negZeroArgs",
	// The arguments of a function of the program, of min and max, go
	// through the check; a method's, a constant, a variadic one, a call's
	// results as the arguments do not.
	rewriteCase{
		decls: `type Celsius float64

type T struct{}

func (T) half(x float64) float64 { return x / 2 }

func scale(x float64, f float32, c complex128, t Celsius, xs ...float64) float64 {
	return x * float64(f) * real(c) * float64(t) * float64(len(xs))
}

func same[F float64 | float32](x F) F { return x }

func pair() (float64, float64) { return 1, 2 }

func sum(a, b float64) float64 { return a + b }`,
		body: `x, f, c, t := 1.5, float32(2), complex(2, 0), Celsius(3)
fmt.Println(scale(x, f, c, t, x), same(x), min(x, 2), T{}.half(x), scale(1, 1, 1, 1, 1), sum(pair()))`,
		lowered: `x, f, c, t := 1.5, float32(2), complex(2, 0), Celsius(3)
fmt.Println(scale(_lowerRT.Float64(x), _lowerRT.Float32(f), _lowerRT.Complex128(c), Celsius(_lowerRT.Float64(float64(t))), []float64{x}...), same[float64](_lowerRT.Float64(x)), _lowerMin(_lowerRT.Float64(x), 2), T{}.half(x), scale(1, 1, 1, 1, []float64{1}...), sum(pair()))`,
		out: "18 1.5 1.5 0.75 1 3\n",
	},
	// A struct or an array holding floating-point numbers goes through
	// the library's check and back to its type, as written where the call
	// is; one that holds none, and a type not written out (an unnamed
	// struct: the pass writes only names), do not.
	rewriteCase{
		decls: `type P struct{ X, Y float64 }

type Seg [2]P

type Ints struct{ A, B int }

func mid(s Seg) P { return P{(s[0].X + s[1].X) / 2, (s[0].Y + s[1].Y) / 2} }

func sum(v [3]float32, i Ints) float32 { return v[0] + v[1] + v[2] + float32(i.A+i.B) }

func dot(p, q P) float64 { return p.X*q.X + p.Y*q.Y }

func anon(s struct{ Z float64 }) float64 { return s.Z }`,
		body: `s := Seg{{0, 0}, {2, 4}}
fmt.Println(mid(s), sum([3]float32{1, 2, 3}, Ints{4, 5}), dot(mid(s), s[1]), anon(struct{ Z float64 }{8}))`,
		lowered: `s := Seg{{0, 0}, {2, 4}}
fmt.Println(mid(_lowerRT.Zeros(s).(Seg)), sum(_lowerRT.Zeros([3]float32{1, 2, 3}).([3]float32), Ints{4, 5}), dot(_lowerRT.Zeros(mid(_lowerRT.Zeros(s).(Seg))).(P), _lowerRT.Zeros(s[1]).(P)), anon(struct{ Z float64 }{8}))`,
		out: "{1 2} 15 10 8\n",
	},
	// A deferred call's arguments are left: a check among them would be
	// evaluated when the call runs, in a loop with the last value.
	rewriteCase{
		decls: `func show(x float64) { fmt.Println(x) }`,
		body: `x := 1.5
for _, v := range []float64{1, 2} {
	defer show(v + x)
}`,
		lowered: `x := 1.5
for _, v := range []float64{1, 2} {
	{ _lowerD1 := v + x; defer show(_lowerD1) }
}`,
		out: "3.5\n2.5\n",
	},
)
