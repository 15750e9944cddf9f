package main

// time.Format uses the reference time Mon Jan 2 15:04:05 2006 as its layout; AddDate normalizes overflow.
import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2023, time.July, 4, 9, 5, 7, 123456789, time.UTC)

	fmt.Println(t.Format(time.RFC3339))
	fmt.Println(t.Format(time.RFC3339Nano))
	fmt.Println(t.Format("2006-01-02 15:04:05.000"))
	fmt.Println(t.Format("Monday, January 2, 2006 at 3:04PM"))
	fmt.Println(t.Format("02/01/06 Mon Jan _2"))
	fmt.Println(t.Format(time.Kitchen), t.Format(time.DateOnly), t.Format(time.TimeOnly))

	fmt.Println("weekday:", t.Weekday(), "yearday:", t.YearDay())
	y, w := t.ISOWeek()
	fmt.Println("ISO week:", y, w)

	// Jan 31 plus one month has no Feb 31, so it spills into March.
	jan31 := time.Date(2024, time.January, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println("Jan 31 + 1 month:", jan31.AddDate(0, 1, 0).Format(time.DateOnly))

	// time.Date normalizes out-of-range fields the same way.
	odd := time.Date(2024, 13, 0, 25, 0, 0, 0, time.UTC)
	fmt.Println("month 13, day 0, hour 25:", odd.Format(time.DateTime))

	parsed, err := time.Parse("2006-01-02 15:04", "2023-07-04 12:00")
	fmt.Println(parsed.Sub(t).Round(time.Second), err)
	fmt.Println("before:", t.Before(parsed), "equal:", parsed.Equal(parsed.UTC()))
}

// Output:
// 2023-07-04T09:05:07Z
// 2023-07-04T09:05:07.123456789Z
// 2023-07-04 09:05:07.123
// Tuesday, July 4, 2023 at 9:05AM
// 04/07/23 Tue Jul  4
// 9:05AM 2023-07-04 09:05:07
// weekday: Tuesday yearday: 185
// ISO week: 2023 27
// Jan 31 + 1 month: 2024-03-02
// month 13, day 0, hour 25: 2025-01-01 01:00:00
// 2h54m53s <nil>
// before: true equal: true
