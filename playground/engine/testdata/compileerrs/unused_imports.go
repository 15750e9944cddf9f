package main

import (
	"fmt"
	str "strconv"
	"strings"
)

func main() {
	fmt.Println("hi")
}
