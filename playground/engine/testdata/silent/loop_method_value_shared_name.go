// A sixth blind pass: a value method whose name another type's method
// shares, with another signature, taken in a loop, bound the last
// iteration's receiver.
package main

import "fmt"

type Task struct{ name string }
type Job struct{ id int }

func (t Task) Run() string         { return t.name }
func (j Job) Run() (string, error) { return fmt.Sprint(j.id), nil }

func main() {
	var runs []func() string
	for _, t := range []Task{{"a"}, {"b"}} {
		runs = append(runs, t.Run)
	}
	fmt.Println(runs[0](), runs[1]())
}

// Output:
// a b
