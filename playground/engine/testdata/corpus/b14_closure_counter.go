package main

// Each call of a closure factory creates a fresh captured variable; closures made together share theirs.
import "fmt"

func newCounter(start int) func() int {
	n := start
	return func() int {
		n++
		return n
	}
}

// Both returned functions close over the same total.
func newAccount() (deposit func(int), balance func() int) {
	total := 0
	deposit = func(amount int) { total += amount }
	balance = func() int { return total }
	return deposit, balance
}

func main() {
	a := newCounter(0)
	b := newCounter(100)
	fmt.Println(a(), a(), a())
	fmt.Println(b(), b())
	fmt.Println(a())

	deposit, balance := newAccount()
	deposit(50)
	deposit(25)
	fmt.Println("balance:", balance())

	otherDeposit, otherBalance := newAccount()
	otherDeposit(1)
	fmt.Println("other balance:", otherBalance(), "first balance:", balance())
}

// Output:
// 1 2 3
// 101 102
// 4
// balance: 75
// other balance: 1 first balance: 75
