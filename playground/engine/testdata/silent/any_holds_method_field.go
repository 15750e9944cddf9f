package main

import "fmt"

type Weekday int

func (d Weekday) String() string { return "day" }

type S struct{ W Weekday }

type E struct{ Msg string }

func (e E) Error() string { return "E:" + e.Msg }

func get() any { return S{1} }

func main() {
	var x any = S{W: 1}
	fmt.Println(x)
	fmt.Println([]any{S{W: 1}})
	fmt.Printf("%+v\n", get())
	var y any = []Weekday{1}
	fmt.Println(y)
	var z any = &S{1}
	fmt.Println(z)
	ch := make(chan any, 1)
	ch <- struct {
		Err E
		N   int
	}{E{"x"}, 1}
	fmt.Println(<-ch)
}

// Output:
// {day}
// [{day}]
// {W:day}
// [day]
// &{day}
// {E:x 1}
