// A second blind pass's programs (w91 and its variants): x = T{...} to a
// struct variable that a closure, a pointer or a deferred call shares
// left them the old value.
package main

import "fmt"

type Config struct {
	Debug bool
	Level int
}

var cfg Config

type Res struct{ Code int }

func f() (r Res) {
	defer func() { r = Res{Code: 9} }()
	return Res{Code: 1}
}

func main() {
	p := &cfg
	cfg = Config{Debug: true, Level: 3}
	fmt.Println(p.Level, p.Debug)
	type State struct{ Step int }
	var st State
	q := &st
	for i := 1; i <= 2; i++ {
		st = State{Step: i}
		fmt.Println("step", q.Step)
	}
	fmt.Println(f())
}

// Output:
// 3 true
// step 1
// step 2
// {9}
