package input

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      string
		wantFixed bool
	}{
		{"ascii", "plain text", "plain text", false},
		{"utf8", "café – “quoted”", "café – “quoted”", false},
		{"empty", "", "", false},
		{"latin1", "caf\xe9 na\xefve \xa3 5", "café naïve £ 5", true},
		{"cp1252 punctuation", "\x93quoted\x94 \x96 \x80 \x85", "“quoted” – € …", true},
		{"undefined cp1252 bytes", "\x81\x8d\x8f\x90\x9d", "\u0081\u008d\u008f\u0090\u009d", true},
		{"mixed keeps utf8", "café caf\xe9", "café café", true},
		{"truncated utf8 at end", "abc\xe2\x80", "abcâ€", true},
		{"latin1 pair that looks like a lead byte", "\xe9\xbb", "é»", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fixed := decodeText([]byte(tt.in))
			if got != tt.want || fixed != tt.wantFixed {
				t.Errorf("decodeText(%q) = %q, %v; want %q, %v", tt.in, got, fixed, tt.want, tt.wantFixed)
			}
		})
	}
}

func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"", "abc", "caf\xe9", "“x”", "\x80\x81\xff", "a\xe2\x80", "\xef\xbb\xbf"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, fixed := decodeText(in)
		if !utf8.ValidString(got) {
			t.Fatalf("decodeText(%q) = %q, not valid UTF-8", in, got)
		}
		if valid := utf8.Valid(in); fixed == valid {
			t.Fatalf("decodeText(%q): fixed = %v for valid = %v", in, fixed, valid)
		}
		if !fixed && got != string(in) {
			t.Fatalf("decodeText(%q) = %q, want the input unchanged", in, got)
		}
		// Every invalid byte becomes exactly one rune, every valid
		// sequence stays one rune.
		if g, w := utf8.RuneCountInString(got), utf8.RuneCount(in); g != w {
			t.Fatalf("decodeText(%q) = %q: got %d runes, want %d", in, got, g, w)
		}
	})
}

func TestFromUTF16(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{"utf-8 unchanged", "café", "café", false},
		{"empty", "", "", false},
		{"little-endian", "\xff\xfec\x00\xe9\x00", "cé", true},
		{"big-endian", "\xfe\xff\x00c\x00\xe9", "cé", true},
		{"surrogate pair", "\xff\xfe\x3d\xd8\x00\xde", "😀", true},
		{"unpaired surrogate", "\xff\xfe\x3d\xd8a\x00", "\ufffda", true},
		{"odd last byte", "\xff\xfea\x00b", "a\ufffd", true},
		{"mark only", "\xff\xfe", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := fromUTF16([]byte(tt.in))
			if string(got) != tt.want || ok != tt.wantOK {
				t.Errorf("fromUTF16(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// FuzzFromUTF16 checks that fromUTF16 leaves data without a mark alone,
// always gives UTF-8, and decodes well-formed UTF-16 exactly: encoding its
// output again (unicode/utf16) gives back the input's code units.
func FuzzFromUTF16(f *testing.F) {
	for _, s := range []string{"", "abc", "\xff\xfea\x00", "\xfe\xff\x00a", "\xff\xfe\x3d\xd8", "\xff\xfea"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, ok := fromUTF16(in)
		if !ok {
			if !bytes.Equal(got, in) {
				t.Fatalf("fromUTF16(%q) = %q without a mark, want the input", in, got)
			}
			return
		}
		if !utf8.Valid(got) {
			t.Fatalf("fromUTF16(%q) = %q, not valid UTF-8", in, got)
		}
		if len(in)%2 == 1 {
			return
		}
		order := binary.ByteOrder(binary.BigEndian)
		if in[0] == 0xFF {
			order = binary.LittleEndian
		}
		units := make([]uint16, len(in)/2-1)
		for i := range units {
			units[i] = order.Uint16(in[2+2*i:])
		}
		runes := utf16.Decode(units)
		if slices.Contains(runes, utf8.RuneError) {
			return // ill-formed (or a literal U+FFFD): replacement may differ
		}
		if want := string(runes); string(got) != want {
			t.Fatalf("fromUTF16(%q) = %q, want %q", in, got, want)
		}
	})
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"empty", nil, false},
		{"text", []byte("hello\n"), false},
		{"nul early", []byte("PK\x03\x04\x00\x00"), true},
		{"nul after sniff window", append(bytes.Repeat([]byte("a"), sniffLen), 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isBinary(tt.in); got != tt.want {
				t.Errorf("isBinary = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in     string
		want   time.Time
		wantOK bool
	}{
		{"2024-03-05T10:20:30Z", utc(2024, 3, 5, 10, 20, 30), true},
		{"2024-03-05T12:20:30+02:00", utc(2024, 3, 5, 10, 20, 30), true},
		{"2024-03-05T10:20:30.5Z", utc(2024, 3, 5, 10, 20, 30).Add(500 * time.Millisecond), true},
		{"2024-03-05T10:20:30", utc(2024, 3, 5, 10, 20, 30), true},
		{"2024-03-05 10:20:30", utc(2024, 3, 5, 10, 20, 30), true},
		{"2024-03-05 12:20:30+02:00", utc(2024, 3, 5, 10, 20, 30), true},
		{"2024-03-05", utc(2024, 3, 5, 0, 0, 0), true},
		{"05/03/2024", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseTime(tt.in)
			if ok != tt.wantOK || !got.Equal(tt.want) {
				t.Errorf("ParseTime(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestDecodeDeclared(t *testing.T) {
	tests := []struct {
		name, contentType, data, want string
		wantErr                       bool
	}{
		{"windows-1252", "text/plain; charset=windows-1252", "caf\xe9", "café", false},
		{"valid UTF-8 kept", "text/plain; charset=windows-1251", "café", "café", false},
		{"nothing declared", "text/plain", "caf\xe9", "caf\xe9", false},
		{"unknown", "text/plain; charset=x-nonsense", "caf\xe9", "", true},
		{"replacement label", "text/plain; charset=iso-2022-kr", "caf\xe9", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeDeclared([]byte(tt.data), tt.contentType)
			if (err != nil) != tt.wantErr || err == nil && string(got) != tt.want {
				t.Errorf("got %q, %v; want %q (error %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
