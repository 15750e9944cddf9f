package main

import (
	"fmt"
	"strconv"
)

func mk[E any](x int) any {
	type L struct {
		P *int
		V E
		X int
	}
	var v L
	v.X = x
	return v.V
}

func main() {
	secret := 42
	addr, _ := strconv.ParseInt(fmt.Sprintf("%p", &secret)[2:], 16, 64)
	type L struct{ P *int }
	r := mk[L](int(addr)).(L)
	fmt.Println("read through forged pointer:", *r.P)
	*r.P = 1337
	fmt.Println("secret now:", secret)
}
