package reprint

import (
	"slices"
	"testing"
)

// TestLateCountedStrides checks that the documents counted towards the
// late counts are a fair sample at any stride: a corpus of pages from
// sites taken in turn puts one site's pages at a fixed stride.
func TestLateCountedStrides(t *testing.T) {
	for _, stride := range []int{1, 2, 4, 13, 21, 89, 233, 377, 610, 4096} {
		n := 0
		for k := range 1200 {
			if lateCounted(scanSample + k*stride) {
				n++
			}
		}
		if want := 1200 / lateEvery; n < want*3/4 || n > want*5/4 {
			t.Errorf("stride %d: got %d of 1,200 documents counted, want %d ± 25%%", stride, n, want)
		}
	}
}

func TestMergeSorted(t *testing.T) {
	tests := []struct {
		name string
		a, b []uint32
		want []uint32
	}{
		{"both empty", nil, nil, []uint32{}},
		{"one empty", []uint32{1, 5}, nil, []uint32{1, 5}},
		{"interleaved", []uint32{1, 4, 9}, []uint32{2, 3, 10}, []uint32{1, 2, 3, 4, 9, 10}},
		{"a value in both kept twice", []uint32{2, 7}, []uint32{7}, []uint32{2, 7, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mergeSorted(tt.a, tt.b); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
