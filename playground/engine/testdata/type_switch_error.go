package main

// A type switch's case error matches any value whose type has an Error
// method, in the order of the cases, with or without a variable.
import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case *strconv.NumError:
		return "number error in " + x.Func
	case error:
		if errors.Is(x, io.EOF) {
			return "end of input"
		}
		var err error = x
		return "error: " + err.Error()
	case bool, int:
		return fmt.Sprint("bool or int: ", x)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func isError(v any) bool {
	switch v.(type) {
	case error:
		return true
	}
	return false
}

func check(err error) string {
	switch err.(type) {
	case nil:
		return "ok"
	case *strconv.NumError:
		return "not a number"
	default:
		return "failed: " + err.Error()
	}
}

func main() {
	_, convErr := strconv.Atoi("x1")
	values := []any{nil, errors.New("plain"), fmt.Errorf("wrapped: %w", io.EOF), convErr, io.EOF, 7, "text", 2.5}
	for _, v := range values {
		fmt.Println(describe(v), isError(v))
	}
	fmt.Println(check(nil), check(errors.New("disk full")))
	var err error = fmt.Errorf("load: %w", convErr)
	switch e := err.(type) {
	case *strconv.NumError:
		fmt.Println("direct", e.Num)
	case error:
		fmt.Println("wrapped", errors.Is(e, convErr), errors.Unwrap(e) == convErr)
	}
}

// Output:
// nothing false
// error: plain true
// end of input true
// number error in Atoi true
// end of input true
// bool or int: 7 false
// other string false
// other float64 false
// ok failed: disk full
// wrapped true true
