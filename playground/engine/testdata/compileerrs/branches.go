package main

func main() {
	a, b := 1, 2
	goto L
	c, d := 3, 4
L:
	_, _, _, _ = a, b, c, d
	goto M
	{
	M:
	}
	switch {
	case true:
		fallthrough
	default:
		if true {
			fallthrough
		}
	}
	var v any
	switch v.(type) {
	case int:
		fallthrough
	case string:
	}
}
