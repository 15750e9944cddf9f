package main

// An outer method or field shadows the embedded one, yet the embedded type's own methods never see the outer one.
import "fmt"

type Animal struct{ Name string }

func (a Animal) Sound() string { return "..." }

func (a Animal) Speak() string { return a.Name + " says " + a.Sound() }

type Dog struct {
	Animal
	Name string // shadows Animal.Name
}

func (d Dog) Sound() string { return "woof" } // shadows Animal.Sound

func main() {
	d := Dog{Animal: Animal{Name: "generic animal"}, Name: "Rex"}

	fmt.Println("d.Name:", d.Name)
	fmt.Println("d.Animal.Name:", d.Animal.Name)
	fmt.Println("d.Sound():", d.Sound())
	fmt.Println("d.Animal.Sound():", d.Animal.Sound())

	// Speak is promoted from Animal; inside it, a.Sound and a.Name are Animal's.
	fmt.Println("d.Speak():", d.Speak())

	// There is no virtual dispatch: to get "Rex says woof" Dog must define its own Speak.
	fmt.Println("manual:", d.Name+" says "+d.Sound())
}

// Output:
// d.Name: Rex
// d.Animal.Name: generic animal
// d.Sound(): woof
// d.Animal.Sound(): ...
// d.Speak(): generic animal says ...
// manual: Rex says woof
