package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }
func (s Stack) Size() int   { return len(s.items) }

type Sizer interface{ Size() int }

func main() {
	var st Stack
	var sz Sizer = st
	st.Push(1)
	fmt.Println(sz.Size())
}

// Output:
// 0
