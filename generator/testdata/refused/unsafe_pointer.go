package main

import (
	"fmt"
	"unsafe"
)

func main() {
	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	fmt.Printf("%#x %d\n", bits, unsafe.Sizeof(f))
}
