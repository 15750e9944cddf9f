package main

import "fmt"

type Dog struct{ Name string }

func (d Dog) Speak() string { return d.Name + ": woof" }

type Speaker interface{ Speak() string }

func main() {
	d := Dog{"rex"}
	var s Speaker = d
	d.Name = "fido"
	fmt.Println(s.Speak())
}

// Output:
// rex: woof
