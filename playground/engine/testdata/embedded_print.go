package main

// A struct embedding another prints, with %v and Println, its fields'
// values in order, an embedded struct's in braces of their own.
import "fmt"

type base struct {
	id   int
	tags []string
}

type Engine struct {
	power int
	Model string
}

type car struct {
	Engine
	*base
	wheels int
}

func main() {
	c := car{Engine{150, "v6"}, &base{7, []string{"red"}}, 4}
	fmt.Println(c.Engine, *c.base, c.wheels)
	fmt.Printf("%v|%s|%d\n", c.Engine, c.Model, c.power)
	fmt.Println(c.id, c.tags, c.power+c.wheels)
	fmt.Printf("%v %v\n", base{1, nil}, []Engine{{1, "a"}, {2, "b"}})
}

// Output:
// {150 v6} {7 [red]} 4
// {150 v6}|v6|150
// 7 [red] 154
// {1 []} [{1 a} {2 b}]
