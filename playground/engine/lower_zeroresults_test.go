package engine

var _ = addCases("zeroResults",
	// Named results after a recovered panic.
	rewriteCase{
		decls: `func get(fail bool) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if fail {
		panic("boom")
	}
	return 7, nil
}`,
		body: `fmt.Println(get(false))
fmt.Println(get(true))`,
		lowered: `fmt.Println(get(false))
fmt.Println(get(true))`,
		loweredDecls: `func get(fail bool) (v int, err error) { v = *new(int); err = *new(error); 
	defer func() {
		if r := _lowerRecovered(any(recover())); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if fail {
		panic("boom")
	}
	return 7, nil
}`,
		out: "7 <nil>\n0 boom\n",
	},
)
