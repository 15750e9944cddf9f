package main

import (
	"fmt"
	"reflect"
)

type ID int

func main() {
	vals := []any{1, "s", 2.5, []int{1}, map[string]bool{}, ID(3), &struct{}{}}
	for _, v := range vals {
		t := reflect.TypeOf(v)
		fmt.Println(t.Kind(), t.String())
	}
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 2}))
	x := 5
	reflect.ValueOf(&x).Elem().SetInt(9)
	fmt.Println(x)
}
