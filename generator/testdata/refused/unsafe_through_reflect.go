package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type N struct{ P *N }

func main() {
	n := &N{}
	n.P = n
	_, err := json.Marshal(n)
	var ue *json.UnsupportedValueError
	errors.As(err, &ue)
	word := (*[1]uintptr)(ue.Value.UnsafePointer())
	word[0] = 0x10000
	mem := (*[4]uintptr)(ue.Value.Elem().Field(0).UnsafePointer())
	fmt.Println(mem[0])
}
