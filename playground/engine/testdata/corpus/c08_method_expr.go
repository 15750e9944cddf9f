package main

// Method expressions turn methods into plain functions.
import "fmt"

type account struct{ balance int }

func (a account) Balance() int { return a.balance }

func (a *account) Deposit(n int) { a.balance += n }

func main() {
	deposit := (*account).Deposit
	balance := account.Balance
	a := &account{}
	deposit(a, 50)
	deposit(a, 25)
	fmt.Println(balance(*a))
}

// Output:
// 75
