package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

// reference is encoding/json's quoting with HTML escaping off.
func reference(t *testing.T, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"\\", "\x00\x1f\x7f\b\f\n\r\t", "\u2028\u2029", "\xff\xfe", "é—“”<>&", "tail\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := reference(t, s)
		got := append(Append(append([]byte{}, '"'), s), '"')
		if !bytes.Equal(got, want) {
			t.Errorf("string %q: got %s, want %s", s, got, want)
		}
		got = append(Append(append([]byte{}, '"'), []byte(s)), '"')
		if !bytes.Equal(got, want) {
			t.Errorf("bytes %q: got %s, want %s", s, got, want)
		}
	})
}
