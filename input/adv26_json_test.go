package input

import (
	"strings"
	"testing"
)

// TestJSONBrokenFirstPrettyObject checks that a .json file of
// pretty-printed objects whose first object does not parse is reported
// once, at the line the object starts on, as a broken later object is; it
// was read as JSON Lines, an error for each of its lines.
func TestJSONBrokenFirstPrettyObject(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		workers  int
		wantErrs int // errors reported
		wantLine string
	}{
		{
			name:     "broken first object",
			in:       "{\n  \"id\": \"a\",\n  \"text\": \"x\" oops\n}\n{\n  \"id\": \"b\",\n  \"text\": \"y\"\n}\n",
			wantErrs: 1,
			wantLine: "f.json:1: invalid JSON",
		},
		{
			name:     "broken first object, on workers",
			in:       "{\n  \"id\": \"a\",\n  \"text\": \"x\" oops\n}\n{\n  \"id\": \"b\",\n  \"text\": \"y\"\n}\n",
			workers:  2,
			wantErrs: 1,
			wantLine: "f.json:1: invalid JSON",
		},
		{
			name:     "broken second object (as promised)",
			in:       "{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n{\n  \"id\": \"b\",\n  \"text\": \"y\" oops\n}\n",
			wantErrs: 1,
			wantLine: "f.json:5: invalid JSON",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			o := warnings(&warns)
			o.Workers = tt.workers
			r := newJSON(strings.NewReader(tt.in), "f.json", o, seenIDs{})
			_, errs := drain(t, r)
			r.Close()
			if len(errs) != tt.wantErrs {
				t.Errorf("got %d errors, want %d:\n%s", len(errs), tt.wantErrs, strings.Join(errs, "\n"))
			}
			if len(errs) > 0 && !strings.HasPrefix(errs[0], tt.wantLine) {
				t.Errorf("got first error %q, want it to start %q", errs[0], tt.wantLine)
			}
		})
	}
}
