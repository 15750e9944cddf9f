package main

func main() {
	for {
		continue X
	}
X:
	for range 1 {
		func() { break }()
	}
	select {
	default:
		continue
	}
N:
	if true {
		break N
	}
N:
	for {
		break
	}
}
