// Stranger4 (S2): a program's struct as a map key: the interpreter said
// "hash of unhashable type: struct { A int; I struct { Xm map[string]int } }"
// where go run says "runtime error: hash of unhashable type main.Outer".
package main

import "fmt"

type Inner struct{ m map[string]int }
type Outer struct {
	A int
	I Inner
}

func main() {
	func() {
		defer func() { fmt.Println(recover()) }()
		var x, y any = Outer{}, Outer{}
		fmt.Println(x == y)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var x, y any = []int{1}, []int{1}
		fmt.Println(x == y)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var x, y any = [1]func(){}, [1]func(){}
		fmt.Println(x == y)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		m := map[any]int{}
		m[Outer{}] = 1
	}()
}

// Output:
// runtime error: comparing uncomparable type main.Outer
// runtime error: comparing uncomparable type []int
// runtime error: comparing uncomparable type [1]func()
// runtime error: hash of unhashable type main.Outer
