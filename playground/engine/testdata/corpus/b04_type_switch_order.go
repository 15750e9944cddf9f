package main

// Type switch cases are tried in order: a concrete type listed before an interface it implements wins.
import (
	"fmt"
	"strconv"
)

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Kelvin float64

func (k Kelvin) String() string { return strconv.FormatFloat(float64(k), 'f', 0, 64) + "K" }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil interface"
	case int:
		return "int, doubled: " + strconv.Itoa(x*2)
	case string:
		return "string of " + strconv.Itoa(len(x)) + " bytes"
	case Celsius:
		return "Celsius, in Fahrenheit: " + Celsius(float64(x)*9/5+32).String()
	case fmt.Stringer:
		return "some Stringer: " + x.String()
	case int8, uint8:
		// With two types in a case, x keeps the type of v (any).
		return fmt.Sprintf("small integer %v", x)
	default:
		return fmt.Sprintf("unhandled %T", x)
	}
}

func main() {
	values := []any{nil, 21, "héllo", Celsius(100), Kelvin(273.15), int8(-4), byte(7), 2.5, []int{1}}
	for _, v := range values {
		fmt.Println(describe(v))
	}
}

// Output:
// nil interface
// int, doubled: 42
// string of 6 bytes
// Celsius, in Fahrenheit: 212.0C
// some Stringer: 273K
// small integer -4
// small integer 7
// unhandled float64
// unhandled []int
