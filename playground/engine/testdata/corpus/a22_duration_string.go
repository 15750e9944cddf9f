package main

// time.Duration is an int64 of nanoseconds: arithmetic, String, Truncate, Round and parsing.
import (
	"fmt"
	"time"
)

func main() {
	d := 90*time.Minute + 30*time.Second + 250*time.Millisecond
	fmt.Println(d, int64(d))
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds())
	fmt.Println(d.Truncate(time.Minute), d.Round(time.Hour))
	fmt.Println(time.Duration(1500)*time.Microsecond, 2*time.Second/3)
	fmt.Println(time.Duration(0), time.Duration(-1), time.Duration(999))
	parsed, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(parsed, err, parsed > time.Hour)
	_, err = time.ParseDuration("3 days")
	fmt.Println(err)
	fmt.Printf("%v %d %T\n", time.Second, time.Second, time.Second)
	fmt.Println(d.Abs() == (-d).Abs(), time.Duration(1<<63-1))
}

// Output:
// 1h30m30.25s 5430250000000
// 1.5084027777777778 90.50416666666666 5430.25
// 1h30m0s 2h0m0s
// 1.5ms 666.666666ms
// 0s -1ns 999ns
// 1h15m30.5s <nil> true
// time: unknown unit " days" in duration "3 days"
// 1s 1000000000 time.Duration
// true 2562047h47m16.854775807s
