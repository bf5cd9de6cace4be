package input

import (
	"reflect"
	"strings"
	"testing"
)

// TestJSONLIDTooLong checks that an ID longer than MaxIDBytes is an error
// of its line, with one or more workers, and that reading goes on.
func TestJSONLIDTooLong(t *testing.T) {
	src := `{"id":"` + strings.Repeat("k", MaxIDBytes+1) + `","text":"a b c"}` + "\n" +
		`{"id":"` + strings.Repeat("k", MaxIDBytes) + `","text":"d e f"}` + "\n" +
		`{"id":"ok","text":"g h i"}` + "\n"
	for _, workers := range []int{1, 4} {
		docs, errs, _ := readAllWith(src, workers)
		wantErrs := []string{"in.jsonl:1: id of 32769 bytes is longer than the 32768 an ID may have"}
		if !reflect.DeepEqual(errs, wantErrs) {
			t.Errorf("workers %d: got errors %q, want %q", workers, errs, wantErrs)
		}
		if len(docs) != 2 || !strings.HasPrefix(docs[1], "ok|in.jsonl:3|") {
			t.Errorf("workers %d: got %d documents (last %.40q), want 2, the last ok at line 3", workers, len(docs), docs[len(docs)-1])
		}
	}
}
