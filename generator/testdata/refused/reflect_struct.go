package main

import (
	"fmt"
	"reflect"
)

type Config struct {
	Host    string `json:"host" default:"localhost"`
	Port    int    `json:"port"`
	verbose bool
}

func (c Config) Addr() string { return fmt.Sprintf("%s:%d", c.Host, c.Port) }

func main() {
	t := reflect.TypeOf(Config{})
	fmt.Println(t.Name(), t.Kind(), t.NumField(), t.NumMethod())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Tag.Get("json"), f.Tag.Get("default"), f.IsExported())
	}
	v := reflect.ValueOf(&Config{Host: "h"}).Elem()
	v.FieldByName("Port").SetInt(8080)
	fmt.Println(v.Field(0), v.Field(1), v.Type().String())
}
