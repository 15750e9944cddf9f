package main

// The comma-ok form of a type assertion reports failure; the one-result form panics instead.
import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

func main() {
	var v any = "hello"

	s, ok := v.(string)
	fmt.Printf("as string: %q ok=%v\n", s, ok)

	n, ok := v.(int)
	fmt.Printf("as int: %d ok=%v (zero value on failure)\n", n, ok)

	var sh any = Square{3}
	if a, ok := sh.(Shape); ok {
		fmt.Println("Square is a Shape with area", a.Area())
	}
	if _, ok := sh.(fmt.Stringer); !ok {
		fmt.Println("Square is not a fmt.Stringer")
	}

	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		_ = v.(int)
		fmt.Println("not reached")
	}()

	var empty any
	_, ok = empty.(string)
	fmt.Println("assertion on nil interface ok:", ok)
}

// Output:
// as string: "hello" ok=true
// as int: 0 ok=false (zero value on failure)
// Square is a Shape with area 9
// Square is not a fmt.Stringer
// recovered: interface conversion: interface {} is string, not int
// assertion on nil interface ok: false
