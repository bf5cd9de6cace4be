package frequent

import (
	"fmt"
	"testing"
)

func TestCountMin(t *testing.T) {
	tests := []struct {
		name     string
		size     int
		items    []uint32
		wantSize int
	}{
		{"empty", 16, nil, 16},
		{"size rounded up", 100, []uint32{1, 2, 1}, 128},
		{"least size: one block", 0, []uint32{1, 1}, 16},
		{"heavy item", 1 << 12, stream(20000, 3, 1), 1 << 12},
		{"crowded: counts only grow", 16, stream(2000, 5, 2), 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCountMin(tt.size)
			if got := c.Size(); got != tt.wantSize {
				t.Errorf("Size: got %d, want %d", got, tt.wantSize)
			}
			exact := map[uint32]uint64{}
			for _, x := range tt.items {
				c.Add(x)
				exact[x]++
			}
			if got, want := c.N(), uint64(len(tt.items)); got != want {
				t.Errorf("N: got %d, want %d", got, want)
			}
			over := 0 // items counted more than Slack above their count
			for x, n := range exact {
				got := c.Count(x)
				if got < n {
					t.Errorf("Count(%d): got %d, want at least %d", x, got, n)
				}
				if got > n+c.Slack() {
					over++
				}
			}
			if limit := len(exact)/4 + 1; over > limit { // about e^-2 of them, expected
				t.Errorf("got %d of %d items over Slack (%d), want at most %d", over, len(exact), c.Slack(), limit)
			}
		})
	}
}

// TestCountMinMerge checks that sketches counting parts of a stream, in
// any order, merge into the sketch of the whole.
func TestCountMinMerge(t *testing.T) {
	items := stream(40000, 7, 3)
	one := NewCountMin(1 << 10)
	for _, x := range items {
		one.Add(x)
	}
	merged := NewCountMin(1 << 10)
	for w := range 8 {
		part := NewCountMin(1 << 10)
		for i := len(items) - 1 - w; i >= 0; i -= 8 {
			part.Add(items[i])
		}
		if !merged.Merge(part) {
			t.Fatal("Merge of a sketch of the same shape: got false, want true")
		}
	}
	if got, want := merged.N(), one.N(); got != want {
		t.Errorf("N: got %d merged, want %d", got, want)
	}
	for _, x := range items {
		if a, b := one.Count(x), merged.Count(x); a != b {
			t.Fatalf("Count(%d): got %d merged from 8 parts, want %d as counted whole", x, b, a)
		}
	}
	if merged.Merge(NewCountMin(1 << 11)) {
		t.Error("Merge of a sketch of another shape: got true, want false")
	}
}

func BenchmarkCountMinAdd(b *testing.B) {
	items := stream(1<<20, 50, 3)
	for _, size := range []int{1 << 19, 1 << 22} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			c := NewCountMin(size)
			b.ReportAllocs()
			b.SetBytes(int64(4 * len(items)))
			for b.Loop() {
				for i := 0; i < len(items); i += 500 { // a document's shingles at a time
					c.Add(items[i:min(i+500, len(items))]...)
				}
			}
		})
	}
}

func ExampleCountMin() {
	c := NewCountMin(1024)
	for _, x := range []uint32{3, 1, 3, 2, 3, 4, 3} {
		c.Add(x)
	}
	c.AddN(10, 5)
	fmt.Println(c.Count(3), c.Count(1), c.Count(5), c.N())
	// Output: 4 1 10 17
}

func TestCountMinOver(t *testing.T) {
	c := NewCountMin(64)
	for range 5 {
		c.Add(9)
	}
	c.Add(1, 2, 3)
	items := stream(3000, 4, 5)
	big := NewCountMin(1 << 10)
	big.Add(items...)
	for _, tt := range []struct {
		c         *CountMin
		t         uint64
		wantEmpty bool
	}{{c, 0, false}, {c, 4, false}, {c, 5, true}, {c, 100, true}, {big, 10, false}, {big, 800, true}} {
		o := tt.c.Over(tt.t)
		if got := o.Empty(); got != tt.wantEmpty {
			t.Errorf("Over(%d).Empty(): got %v, want %v", tt.t, got, tt.wantEmpty)
		}
		for _, x := range append(items[:200:200], 1, 2, 3, 9) {
			if got, want := o.Has(x), tt.c.Count(x) > tt.t; got != want {
				t.Errorf("Over(%d).Has(%d): got %v, want %v (count %d)", tt.t, x, got, want, tt.c.Count(x))
			}
		}
	}
}
