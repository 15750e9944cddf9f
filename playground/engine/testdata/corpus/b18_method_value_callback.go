package main

// A method value like obj.Method is a func bound to its receiver, usable anywhere a plain func is expected.
import (
	"fmt"
	"strings"
)

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) { l.lines = append(l.lines, l.prefix+msg) }

type Greeter struct{ greeting string }

func (g Greeter) Greet(name string) string { return g.greeting + ", " + name }

func each(items []string, f func(string)) {
	for _, it := range items {
		f(it)
	}
}

func main() {
	info := &Logger{prefix: "[info] "}
	warn := &Logger{prefix: "[warn] "}

	// Each method value remembers its own receiver.
	each([]string{"started", "ready"}, info.Log)
	each([]string{"disk low"}, warn.Log)
	fmt.Println(strings.Join(info.lines, " | "))
	fmt.Println(strings.Join(warn.lines, " | "))

	// A value-receiver method value copies the receiver when it is evaluated.
	g := Greeter{"Hello"}
	greet := g.Greet
	g.greeting = "Goodbye"
	fmt.Println(greet("Ana"), "/", g.Greet("Ana"))

	// Method values have ordinary func types.
	fmt.Printf("%T\n%T\n", info.Log, greet)
}

// Output:
// [info] started | [info] ready
// [warn] disk low
// Hello, Ana / Goodbye, Ana
// func(string)
// func(string) string
