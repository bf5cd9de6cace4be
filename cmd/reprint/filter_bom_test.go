package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFilterBOMLineMentioningReprint: filter reads a line that starts with
// a UTF-8 byte order mark (the first line of a file saved on Windows, or of
// each file in `cat a.jsonl b.jsonl`) like any other, and marks it when it
// copies an earlier line. When its text happens to hold the word
// "reprint" ("reprinted with permission"), setField takes its slow path,
// json.Unmarshal refuses the mark, and the whole run stops with exit 4
// (an output error) and "invalid character 'ï'", losing the rest of the
// stream. The line should be marked as it is without the word.
func TestFilterBOMLineMentioningReprint(t *testing.T) {
	story := strings.Repeat("The council approved the new bridge after a long debate on Tuesday night, and work starts in spring. ", 8)
	first, _ := json.Marshal(map[string]string{"id": "a", "text": story})
	copied, _ := json.Marshal(map[string]string{"id": "b", "text": story + "This article was reprinted with permission."})
	after, _ := json.Marshal(map[string]string{"id": "c", "text": "Heavy rain is expected across the north of the country this weekend, forecasters said."})
	stream := string(first) + "\n\ufeff" + string(copied) + "\n" + string(after) + "\n"
	code, out, errOut := runCmd(t, t.Context(), stream, "filter")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ls := lines(out)
	if len(ls) != 3 || !strings.Contains(ls[1], `"reprint":{"duplicate_of":"a"`) {
		t.Errorf("got %d lines, second %.80q…; want 3, the second marked a copy of a", len(ls), ls)
	}
}
