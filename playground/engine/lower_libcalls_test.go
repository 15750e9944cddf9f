package engine

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
