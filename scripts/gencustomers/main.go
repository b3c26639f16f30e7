// Command gencustomers writes N sample customers as a KönnyűSzámla CSV file,
// for benchmarks and screenshots: go run ./scripts/gencustomers -n 100000 > vevok.csv
package main

import (
	"flag"
	"fmt"
	"os"

	"konnyuszamla/domain"
	"konnyuszamla/internal/sample"
)

func main() {
	n := flag.Int("n", 1000, "number of customers")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := domain.WriteCustomersCSV(os.Stdout, sample.Customers(*n, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
