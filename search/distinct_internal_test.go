package search

import (
	"errors"
	"testing"
)

// TestJoinDistinct checks that the same lookup error of many queries is
// reported once.
func TestJoinDistinct(t *testing.T) {
	e := errors.New("index x.idx is damaged")
	got := joinDistinct([]error{nil, e, errors.New("index x.idx is damaged"), nil, errors.New("other")})
	if want := "index x.idx is damaged\nother"; got == nil || got.Error() != want {
		t.Errorf("got %v, want %q", got, want)
	}
	if got := joinDistinct([]error{nil, nil}); got != nil {
		t.Errorf("got %v, want nil", got)
	}
}
