// A sixth blind pass: a method value of another package's type bound its
// receiver when called (show := d.String; d = time.Minute showed 1m0s).
package main

import (
	"fmt"
	"time"
)

func main() {
	d := time.Second
	show := d.String
	d = time.Minute
	fmt.Println(show())
}

// Output:
// 1s
