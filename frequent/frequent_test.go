package frequent

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// stream returns n items: heavy (item 7) once in every period, the rest
// drawn from a wide range.
func stream(n, period int, seed uint64) []uint32 {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]uint32, n)
	for i := range out {
		if i%period == 0 {
			out[i] = 7
		} else {
			out[i] = 100 + r.Uint32N(1<<20)
		}
	}
	return out
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name      string
		k         int
		items     []uint32
		wantAbove []uint32 // Above(1)
	}{
		{"empty", 4, nil, nil},
		{"exact when few distinct", 4, []uint32{1, 2, 1, 3, 1, 2}, []uint32{1, 2}},
		{"one counter keeps the majority", 1, []uint32{5, 1, 5, 2, 5, 5}, []uint32{5}},
		{"heavy item survives", 8, stream(5000, 3, 1), []uint32{7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.k)
			exact := map[uint32]uint64{}
			for _, x := range tt.items {
				s.Add(x)
				exact[x]++
			}
			if got := s.Above(1); !slices.Equal(got, tt.wantAbove) {
				t.Errorf("Above(1): got %v, want %v", got, tt.wantAbove)
			}
			if got, want := s.N(), uint64(len(tt.items)); got != want {
				t.Errorf("N: got %d, want %d", got, want)
			}
			bound := uint64(len(tt.items)) / uint64(tt.k+1)
			if s.Error() > bound {
				t.Errorf("Error: got %d, want at most %d", s.Error(), bound)
			}
			for x, c := range exact {
				if got := s.Count(x); got > c || got+s.Error() < c {
					t.Errorf("Count(%d): got %d, want in [%d, %d]", x, got, c-min(c, s.Error()), c)
				}
			}
		})
	}
}

func TestRemove(t *testing.T) {
	s := New(4)
	for _, x := range []uint32{1, 1, 2} {
		s.Add(x)
	}
	s.Remove(1)
	s.Remove(2)
	s.Remove(9) // never counted: nothing to take back
	if got, want := s.Count(1), uint64(1); got != want {
		t.Errorf("Count(1): got %d, want %d", got, want)
	}
	if got := s.Count(2); got != 0 {
		t.Errorf("Count(2): got %d, want 0", got)
	}
	if got, want := s.N(), uint64(0); got != want {
		t.Errorf("N: got %d, want %d", got, want)
	}
}

func TestMarshal(t *testing.T) {
	s := New(64)
	for _, x := range stream(3000, 5, 2) {
		s.Add(x)
	}
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Summary
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	if got.K() != s.K() || got.N() != s.N() || got.Error() != s.Error() || !slices.Equal(got.Above(0), s.Above(0)) {
		t.Errorf("decoded summary differs: got k %d n %d err %d items %d, want k %d n %d err %d items %d",
			got.K(), got.N(), got.Error(), len(got.Above(0)), s.K(), s.N(), s.Error(), len(s.Above(0)))
	}
	for _, x := range s.Above(0) {
		if got.Count(x) != s.Count(x) {
			t.Errorf("Count(%d): got %d, want %d", x, got.Count(x), s.Count(x))
		}
	}
	// The same items give the same bytes.
	t2 := New(64)
	for _, x := range stream(3000, 5, 2) {
		t2.Add(x)
	}
	b2, _ := t2.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Error("two summaries of one stream encode differently")
	}
	for _, bad := range [][]byte{nil, {9}, b[:len(b)-1], append(slices.Clone(b), 0)} {
		if err := new(Summary).UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%x…): got nil error, want ErrCorrupt", bad[:min(len(bad), 4)])
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	s := New(8)
	for _, x := range []uint32{1, 2, 2, 3, 3, 3, 1 << 31} {
		s.Add(x)
	}
	b, _ := s.MarshalBinary()
	f.Add(b)
	f.Add([]byte{1, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Summary
		if s.UnmarshalBinary(data) != nil {
			return
		}
		// Varints may be padded; the re-encoding is canonical and stable.
		once, _ := s.MarshalBinary()
		var s2 Summary
		if err := s2.UnmarshalBinary(once); err != nil {
			t.Fatalf("re-encoding does not decode: %v", err)
		}
		if twice, _ := s2.MarshalBinary(); !bytes.Equal(once, twice) {
			t.Errorf("re-encoding differs: got %x, want %x", twice, once)
		}
		s.Add(5) // a decoded summary is usable
	})
}

func BenchmarkAdd(b *testing.B) {
	items := stream(1<<20, 50, 3)
	b.ReportAllocs()
	b.SetBytes(int64(4 * len(items)))
	for b.Loop() {
		s := New(1 << 16)
		for _, x := range items {
			s.Add(x)
		}
	}
}

func ExampleSummary() {
	s := New(2)
	for _, x := range []uint32{3, 1, 3, 2, 3, 4, 3} {
		s.Add(x)
	}
	fmt.Println(s.Above(1), s.Count(3), s.Error())
	// Output: [3] 3 1
}
