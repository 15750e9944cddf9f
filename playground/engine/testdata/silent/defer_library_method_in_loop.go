// A sixth blind pass: a deferred method of another package's type, on a
// loop's variable, ran on the last iteration's (both writes went to the
// last builder).
package main

import (
	"fmt"
	"strings"
)

func main() {
	bs := []*strings.Builder{{}, {}}
	func() {
		for _, b := range bs {
			defer b.WriteString("closed")
		}
	}()
	fmt.Printf("%q %q\n", bs[0].String(), bs[1].String())
}

// Output:
// "closed" "closed"
