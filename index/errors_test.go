package index

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/reprint-dev/reprint"
)

// TestErrors checks the sentinels a caller tells the failures apart by.
func TestErrors(t *testing.T) {
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "e.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, fps, keys := tiny(t, det, "d", 3, func(i int) []uint64 { return []uint64{uint64(i)} })
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	other, err := reprint.New(reprint.Options{K: 4})
	if err != nil {
		t.Fatal(err)
	}
	open := func(p reprint.Params, o Options) *Index {
		t.Helper()
		ix, err := Open(path, p, o)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	var pe *ParamsError
	tests := []struct {
		name string
		call func() error
		is   func(error) bool
		want string
	}{
		{"get unknown", func() error {
			_, _, err := open(det.Params(), Options{ReadOnly: true}).Get([]string{"nope"})
			return err
		}, func(err error) bool { return errors.Is(err, ErrNotFound) }, "ErrNotFound"},
		{"add read-only", func() error {
			_, err := open(det.Params(), Options{ReadOnly: true}).Add(docs[:1], fps[:1], keys[:1])
			return err
		}, func(err error) bool { return errors.Is(err, ErrReadOnly) }, "ErrReadOnly"},
		{"add when inspecting", func() error {
			_, err := open(reprint.Params{}, Options{ReadOnly: true}).Add(docs[:1], fps[:1], keys[:1])
			return err
		}, func(err error) bool { return errors.Is(err, ErrInspect) }, "ErrInspect"},
		{"after close", func() error {
			ix := open(det.Params(), Options{ReadOnly: true})
			ix.Close()
			_, err := ix.Stats()
			return err
		}, func(err error) bool { return errors.Is(err, ErrClosed) }, "ErrClosed"},
		{"other parameters", func() error {
			return open(reprint.Params{}, Options{ReadOnly: true}).CheckParams(other.Params())
		}, func(err error) bool { return errors.As(err, &pe) }, "*ParamsError"},
		{"same parameters", func() error {
			return open(reprint.Params{}, Options{ReadOnly: true}).CheckParams(det.Params())
		}, func(err error) bool { return err == nil }, "nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !tt.is(err) {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}
