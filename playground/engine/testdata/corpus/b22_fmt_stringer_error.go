package main

// fmt prefers Error over String, uses them for %v and %s, but not for %d or for values whose method has a pointer receiver.
import (
	"errors"
	"fmt"
)

type Temp int

func (t Temp) String() string { return fmt.Sprintf("%d°C", int(t)) }

type Code int

func (c Code) String() string { return "code-as-string" }
func (c Code) Error() string  { return fmt.Sprintf("error code %d", int(c)) }

type Secret struct{ val string }

func (s *Secret) String() string { return "****" }

func main() {
	t := Temp(21)
	fmt.Println(t)
	fmt.Printf("%v | %s | %d | %5d | %q\n", t, t, t, t, t)

	// Both methods present: Error wins.
	c := Code(404)
	fmt.Println(c)
	fmt.Printf("%v | %d\n", c, c)
	var err error = c
	fmt.Println(errors.Is(err, Code(404)))

	// String on *Secret is not used for a Secret value, only for a pointer.
	s := Secret{"hunter2"}
	fmt.Println(s, &s)

	// Inside a slice each element is formatted with its own String.
	fmt.Println([]Temp{-5, 0, 30})
}

// Output:
// 21°C
// 21°C | 21°C | 21 |    21 | "21°C"
// error code 404
// error code 404 | 404
// true
// {hunter2} ****
// [-5°C 0°C 30°C]
