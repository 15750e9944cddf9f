package main

import (
	"fmt"
	"strconv"
)

type Box[E any] struct{ V E }

func f() {
	type L Box[*int]
}

func main() {
	type L struct {
		P *int
		B Box[*int]
		X int
	}
	secret := 42
	addr, _ := strconv.ParseInt(fmt.Sprintf("%p", &secret)[2:], 16, 64)
	var v L
	v.X = int(addr)
	fmt.Println("read:", *v.B.V)
	*v.B.V = 1337
	fmt.Println("secret:", secret)
}
