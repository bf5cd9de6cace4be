package gen

import (
	"fmt"
	"io"
	"testing"
)

func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			o := Options{Docs: n}
			st, err := Write(io.Discard, io.Discard, o)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(st.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Write(io.Discard, io.Discard, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
