package engine

import (
	"testing"
)

// A switch with an init statement and a tag that is not a name or a
// literal, which switchInits leaves, is reported: yaegi v0.16.1 evaluates the tag first (stranger3's
// 169: switch j := i; j % 2 took case 0 for i == 1, nothing said).
func TestSwitchInitTag(t *testing.T) {
	src := `package main

import "fmt"

func one() int { return 1 }

func main() {
	for i := 0; i < 2; i++ {
		switch j := i; j % 2 {
		case 0:
			fmt.Println("even")
		case 1:
			fmt.Println("odd")
		}
	}
	switch f := one; f() {
	case 1:
		fmt.Println("one")
	}
	switch h := 1; h {
	case 1:
		fmt.Println("h")
	}
	switch n := 3; 3 {
	case n:
		fmt.Println("n")
	}
	switch x := 0; {
	case x == 0:
		fmt.Println("x")
	}
	switch one() % 2 {
	case 1:
		fmt.Println("odd")
	}
	switch k := func() int {
		return 2
	}(); k % 2 {
	case 0:
		fmt.Println("k")
	}
}
`
	// switchInits moves an init statement on one line before the
	// switch; one on more lines stays, and is reported.
	got := findingsAt(t, src, "switch with init")
	if want := "38:7"; got != want {
		t.Errorf("switch with init found at %v, want %s", got, want)
	}
	// Measured: the interpreter still evaluates the tag first (an init
	// on more lines, which switchInits leaves). When an upgrade fixes it,
	// this fails, and the finding and the rewrite can go.
	stillDiffers(t, "switch with init", "\tswitch n := func() int {\n\t\treturn 5\n\t}(); n * 2 {\n\tcase 10:\n\t\tfmt.Println(\"ten\")\n\tdefault:\n\t\tfmt.Println(\"default\")\n\t}\n", "ten\n")
}

// A receive assigned in a header (an if's, a switch's, a for's init or
// post), which recvAssigns cannot rewrite, is announced; a receive
// declared there (:=) and one assigned to _ are not.
func TestReceiveInAHeaderIsAnnounced(t *testing.T) {
	const src = `package main

import "fmt"

func main() {
	ch := make(chan int, 4)
	ch <- 5
	res := make([]int, 1)
	if res[0] = <-ch; res[0] > 0 {
		fmt.Println("got", res[0])
	}
	ch <- 1
	if v := <-ch; v > 0 {
		fmt.Println(v)
	}
	n := 0
	for n = <-ch; n < 0; n = <-ch {
	}
	ch <- 2
	switch _ = <-ch; {
	}
}
`
	if got, want := findingsAt(t, src, "receive in a header"), "9:5 17:6 17:23"; got != want {
		t.Errorf("receive in a header found at %v, want %s", got, want)
	}
	// Measured: the interpreter still drops the element's value. When an
	// upgrade fixes it, this fails, and the finding can go.
	stillDiffers(t, "receive in a header", "\tch := make(chan int, 1)\n\tch <- 5\n\tres := make([]int, 1)\n\tif res[0] = <-ch; res[0] > 0 {\n\t\tfmt.Println(\"got\", res[0])\n\t} else {\n\t\tfmt.Println(\"nothing\")\n\t}\n", "got 5\n")
}
