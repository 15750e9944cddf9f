package main

// An iota enum with a String method prints names with %v while %d still shows the underlying number.
import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelNames = [...]string{"DEBUG", "INFO", "WARN", "ERROR"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func main() {
	// %x also goes through String, so it shows the hex bytes of the name.
	for l := Debug; l <= Error+1; l++ {
		fmt.Printf("%-8v %d %02x %T\n", l, l, l, l)
	}

	// %#v of a named int prints the number without the String result.
	fmt.Printf("%#v %#v\n", Warn, Tuesday)

	// Without a String method the named int prints as a plain number.
	fmt.Println(Monday, Tuesday+1)
	fmt.Printf("%v %s\n", Warn, []Level{Error, Debug})
}

// Output:
// DEBUG    0 4445425547 main.Level
// INFO     1 494e464f main.Level
// WARN     2 5741524e main.Level
// ERROR    3 4552524f52 main.Level
// Level(4) 4 4c6576656c283429 main.Level
// 2 2
// 1 3
// WARN [ERROR DEBUG]
