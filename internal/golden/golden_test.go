package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckMatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, path, []byte("a\nb\n"))
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name      string
		got, want string
		contains  string
	}{
		{"changed line", "a\nb\n", "a\nc\n", `line 2:`},
		{"longer got", "a\nb\nc", "a\nb", `want "<end of file>"`},
		{"shorter got", "a", "a\nb", `got  "<end of output>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := diff([]byte(tt.got), []byte(tt.want))
			if !strings.Contains(d, tt.contains) {
				t.Errorf("diff = %q, want it to contain %q", d, tt.contains)
			}
		})
	}
}
