package main

// %+v names a struct's fields; an unexported field's value prints as it
// is, and a library value with a String method prints through it where
// fmt can reach it.
import (
	"fmt"
	"time"
)

type Point struct{ X, Y int }

type Span struct {
	Name string
	D    time.Duration
}

type job struct {
	id     int
	tags   []string
	weight float64
}

func main() {
	p := Point{1, 2}
	fmt.Printf("%+v %v %+v\n", p, p, &p)
	s := Span{"boot", 1500 * time.Millisecond}
	fmt.Printf("%+v|%v|%s\n", s, s, s.D)
	j := job{7, []string{"a"}, 0.5}
	fmt.Println(j.id, j.tags, time.Duration(j.weight*float64(time.Second)))
	fmt.Printf("%v %d\n", job{id: 1}, j.id)
	fmt.Println([]Span{s}, map[string]Point{"o": {}})
}

// Output:
// {X:1 Y:2} {1 2} &{X:1 Y:2}
// {Name:boot D:1.5s}|{boot 1.5s}|1.5s
// 7 [a] 500ms
// {1 [] 0} 7
// [{boot 1.5s}] map[o:{0 0}]
