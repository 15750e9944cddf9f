package main

// Methods of an embedded struct are promoted to the outer struct, but their receiver is still the inner value.
import "fmt"

type Engine struct {
	HP      int
	running bool
}

func (e *Engine) Start() { e.running = true }

func (e Engine) Status() string {
	state := "stopped"
	if e.running {
		state = "running"
	}
	return fmt.Sprintf("%dhp %s", e.HP, state)
}

type Car struct {
	Engine
	Model string
}

type starter interface{ Start() }

func main() {
	c := Car{Engine: Engine{HP: 150}, Model: "roadster"}
	fmt.Println(c.Model, c.Status())

	c.Start() // shorthand for (&c.Engine).Start()
	fmt.Println(c.Model, c.Status())
	fmt.Println("promoted field c.HP == c.Engine.HP:", c.HP == c.Engine.HP)

	// Start has a pointer receiver on Engine, so only *Car gets it in its method set.
	var a any = c
	_, ok := a.(starter)
	fmt.Println("Car has Start in its method set:", ok)
	a = &c
	_, ok = a.(starter)
	fmt.Println("*Car has Start in its method set:", ok)

	fmt.Printf("%+v\n", c)
}

// Output:
// roadster 150hp stopped
// roadster 150hp running
// promoted field c.HP == c.Engine.HP: true
// Car has Start in its method set: false
// *Car has Start in its method set: true
// {Engine:{HP:150 running:true} Model:roadster}
