package main

import "fmt"

func main() {
	start := make(chan bool)

	go func() {
		fmt.Println("Goroutine: Initializing...")
		start <- true // Sinaliza que a inicialização está completa
	}()

	<-done // Espera a inicializaçào
	fmt.Println("Main: Initialization completed")
}
