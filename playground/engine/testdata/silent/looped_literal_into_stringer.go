// A composite literal of a type with String made in a loop and appended
// to a []fmt.Stringer: each element was the last literal made.

package main

import (
	"fmt"
	"strings"
)

type Card struct {
	Rank int
	Suit string
}

func (c Card) String() string { return fmt.Sprintf("%d%s", c.Rank, c.Suit) }

func main() {
	var hand []fmt.Stringer
	for r := 1; r <= 3; r++ {
		hand = append(hand, Card{r, "♠"})
	}
	var names []string
	for _, c := range hand {
		names = append(names, c.String())
	}
	fmt.Println(strings.Join(names, " "))
}

// Output:
// 1♠ 2♠ 3♠
