package main

import (
	"fmt"
	"strconv"
)

type Parser struct{}

func (Parser) Parse(s string) (int, error) { return strconv.Atoi(s) }

type Stack struct{ xs []int }

func (s *Stack) Pop() (int, bool) { return 0, false }

type Other struct{}

func (Other) Parse(s string) int { return len(s) }

func use(p Parser, s *Stack) {
	a, b, c := p.Parse("1")
	v := s.Pop()
	fmt.Println(a, b, c, v)
}

func main() {
	p := Parser{}
	n := p.Parse("42")
	var q Parser
	var m int
	m = q.Parse("7")
	st := &Stack{}
	x := st.Pop()
	o := Other{}
	k := o.Parse("ok")
	fmt.Println(n, m, x, k)
	use(p, st)
}
