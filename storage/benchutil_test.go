package storage_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"konnyuszamla/domain"
	"konnyuszamla/internal/sample"
)

func mkdirTemp() (string, error) { return os.MkdirTemp("", "konnyuszamla-bench-") }

func sampleCSV(tb testing.TB, n int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := domain.WriteCustomersCSV(&buf, sample.Customers(n, 2)); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
