package shingle

import "testing"

func TestStem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"pushes", "push"},
		{"pushed", "push"},
		{"pushing", "push"},
		{"push", "push"},
		{"quickly", "quick"},
		{"cats", "cat"},
		{"sing", "sing"}, // stem would be shorter than 3 bytes
		{"bed", "bed"},   // ditto
		{"goes", "goe"},  // "es" would leave 2 bytes; "s" leaves 3
		{"reds", "red"},
		{"ring", "ring"},  // too short for "ing"
		{"string", "str"}, // crude, but consistent
		{"", ""},
		{"s", "s"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentWord(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"the", "", false},
		{"said", "", false},
		{"its", "", false}, // "it's" after Tokenize
		{"s", "", false},
		{"x", "", false}, // lone character
		{"", "", false},
		{"7", "", false},
		{"ukraine", "ukraine", true},
		{"missiles", "missil", true},
		{"attacked", "attack", true},
		{"2024", "2024", true},
		{"zelenskyys", "zelenskyy", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ContentWord(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ContentWord(%q): got (%q, %v), want (%q, %v)", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestIsStopWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"the", true},
		{"according", true},
		{"mr", true},
		{"The", false}, // callers pass normalized words
		{"parliament", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsStopWord(tt.in); got != tt.want {
				t.Errorf("IsStopWord(%q): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentWordBytesAllocs(t *testing.T) {
	words := [][]byte{[]byte("the"), []byte("missiles"), []byte("yourselves"), []byte("x")}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			ContentWordBytes(w)
		}
	})
	if allocs != 0 {
		t.Errorf("ContentWordBytes: got %v allocations, want 0", allocs)
	}
}
