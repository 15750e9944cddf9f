package engine

var _ = addCases("errorCase",
	// Case error in a switch on an any.
	rewriteCase{
		body: `var v any = errors.New("boom")
switch x := v.(type) {
case int:
	fmt.Println("int", x)
case error:
	fmt.Println("error", x)
}`,
		lowered: `var v any = errors.New("boom")
switch x := v.(type) {
case int:
	fmt.Println("int", x)
case _lowerRT.Error:
	fmt.Println("error", x)
}`,
		out: "error boom\n",
	},
	// A switch without a variable gets one.
	rewriteCase{
		body: `var v any = errors.New("x")
switch v.(type) {
case int, error:
	fmt.Println("int or error")
}`,
		lowered: `var v any = errors.New("x")
switch _lowerTS1 := v.(type) {
case int, _lowerRT.Error:
	fmt.Println("int or error")
}`,
		out: "int or error\n",
	},
)
