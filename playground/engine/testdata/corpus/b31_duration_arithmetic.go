package main

// time.Duration is an int64 count of nanoseconds: multiply by units, convert to floats, Truncate and Round.
import (
	"fmt"
	"time"
)

func main() {
	// An untyped constant multiplies directly; an int variable needs a conversion.
	timeout := 3 * time.Second
	retries := 4
	total := time.Duration(retries) * timeout
	fmt.Println(timeout, total)

	d := 2*time.Hour + 45*time.Minute + 30*time.Second + 250*time.Millisecond
	fmt.Println(d)
	fmt.Printf("hours=%.3f minutes=%.1f seconds=%.2f\n", d.Hours(), d.Minutes(), d.Seconds())
	fmt.Println("as int64 nanoseconds:", int64(d))

	// Dividing two Durations yields a Duration holding a plain count; convert it before printing.
	fmt.Println("whole minutes:", d/time.Minute, int64(d/time.Minute))

	for _, unit := range []time.Duration{time.Second, time.Minute, time.Hour} {
		fmt.Printf("unit %v: truncate %v round %v\n", unit, d.Truncate(unit), d.Round(unit))
	}

	// Small durations print with smaller units.
	fmt.Println(1500*time.Microsecond, 999*time.Nanosecond, time.Duration(0), -90*time.Second)

	// Subtracting two fixed times yields a Duration.
	start := time.Date(2024, 3, 9, 22, 15, 0, 0, time.UTC)
	end := time.Date(2024, 3, 11, 1, 5, 30, 0, time.UTC)
	span := end.Sub(start)
	fmt.Println("span:", span, "rounded to hours:", span.Round(time.Hour))
}

// Output:
// 3s 12s
// 2h45m30.25s
// hours=2.758 minutes=165.5 seconds=9930.25
// as int64 nanoseconds: 9930250000000
// whole minutes: 165ns 165
// unit 1s: truncate 2h45m30s round 2h45m30s
// unit 1m0s: truncate 2h45m0s round 2h46m0s
// unit 1h0m0s: truncate 2h0m0s round 3h0m0s
// 1.5ms 999ns 0s -1m30s
// span: 26h50m30s rounded to hours: 27h0m0s
