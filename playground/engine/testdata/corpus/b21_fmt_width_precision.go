package main

// Width, precision and flags: padding with zeros or spaces, left alignment, signs, and bases.
import "fmt"

func main() {
	// Floats: total width 8, 3 decimals, zero padded.
	for _, f := range []float64{3.14159, -2.5, 123.4567} {
		fmt.Printf("[%08.3f] [%8.2f] [%-8.1f] [%+.2e]\n", f, f, f, f)
	}

	// Strings: right-aligned, left-aligned, truncated by precision.
	for _, s := range []string{"go", "gopher", "gophers!!!"} {
		fmt.Printf("%10s|%-10s|%.4s|\n", s, s, s)
	}

	// Integers: width, zero padding, explicit sign, and other bases.
	n := 42
	fmt.Printf("%5d|%-5d|%05d|%+d\n", n, n, n, n)
	fmt.Printf("%b %o %O %x %X %#x %#08x\n", n, n, n, n, n, n, n)

	// %x and %q work on strings and bytes too.
	fmt.Printf("%x % x %X\n", "Go!", "Go!", []byte{1, 171})
	fmt.Printf("%q %q %q %+q\n", "tab\there", 'é', rune(65), "café")

	// Width and precision can come from arguments with *.
	fmt.Printf("[%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 2, 2.0/3)
}

// Output:
// [0003.142] [    3.14] [3.1     ] [+3.14e+00]
// [-002.500] [   -2.50] [-2.5    ] [-2.50e+00]
// [0123.457] [  123.46] [123.5   ] [+1.23e+02]
//         go|go        |go|
//     gopher|gopher    |goph|
// gophers!!!|gophers!!!|goph|
//    42|42   |00042|+42
// 101010 52 0o52 2a 2A 0x2a 0x0000002a
// 476f21 47 6f 21 01AB
// "tab\there" 'é' 'A' "caf\u00e9"
// [     7] [7     ] [0.67]
