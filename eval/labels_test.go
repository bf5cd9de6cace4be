package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadLabels(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Label
	}{
		{"empty", "", nil},
		{"blank lines only", "\n  \n\r\n", nil},
		{
			"fields, blank lines, unknown fields, no final newline",
			"\n" +
				`{"doc":"a","label":"wholly_derived","sources":["s1","s2"],"extra":{"x":1}}` + "\n\n" +
				`{"doc":"rw/1","label":"machine_rewrite","sources":["s"],"generator":"g","near_dup_sources":["n"]}` + "\n" +
				`{"doc":"c","label":"non_derived"}`,
			[]Label{
				{Doc: "a", Label: WhollyDerived, Sources: []string{"s1", "s2"}, Line: 2},
				{Doc: "rw/1", Label: MachineRewrite, Sources: []string{"s"}, NearDupSources: []string{"n"}, Line: 4},
				{Doc: "c", Label: NonDerived, Line: 5},
			},
		},
		{
			"byte order mark and CRLF",
			"\uFEFF" + `{"doc":"a","label":"x","sources":[]}` + "\r\n" + `{"doc":"b","label":"y"}` + "\r\n",
			[]Label{{Doc: "a", Label: "x", Sources: []string{}, Line: 1}, {Doc: "b", Label: "y", Line: 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadLabels(strings.NewReader(tt.input), "l.jsonl")
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestReadLabelsErrors(t *testing.T) {
	ok := `{"doc":"a","label":"wholly_derived","sources":["s"]}` + "\n"
	tests := []struct {
		name    string
		input   string
		wantErr string
	}{
		{"not json", ok + "\n" + "{doc: a}\n", "l.jsonl:3: invalid label: "},
		{"not an object", "[1,2]\n", "l.jsonl:1: invalid label: "},
		{"trailing data", `{"doc":"a","label":"x"} {}`, "l.jsonl:1: invalid label: "},
		{"sources not a list", `{"doc":"a","label":"x","sources":"s"}`, "l.jsonl:1: invalid label: "},
		{"missing doc", ok + `{"label":"x"}`, `l.jsonl:2: missing or empty "doc"`},
		{"empty doc", `{"doc":"","label":"x"}`, `l.jsonl:1: missing or empty "doc"`},
		{"missing label", ok + `{"doc":"b"}`, `l.jsonl:2: doc "b": missing or empty "label"`},
		{"duplicate doc", ok + "\n" + `{"doc":"a","label":"non_derived"}`, `l.jsonl:3: doc "a" already labelled on line 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadLabels(strings.NewReader(tt.input), "l.jsonl")
			if err == nil {
				t.Fatalf("got labels %v and no error, want error %q", got, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Errorf("got error %q, want prefix %q", err, tt.wantErr)
			}
		})
	}

	t.Run("read error", func(t *testing.T) {
		boom := errors.New("boom")
		r := io.MultiReader(strings.NewReader(ok+ok[:10]), iotest.ErrReader(boom))
		_, err := ReadLabels(r, "l.jsonl")
		if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "l.jsonl:2: ") {
			t.Errorf("got error %v, want %v at l.jsonl:2", err, boom)
		}
	})
}

// FuzzReadLabels checks that ReadLabels never panics, that what it accepts
// is well formed, and that writing the labels back reads the same.
func FuzzReadLabels(f *testing.F) {
	f.Add([]byte(`{"doc":"a","label":"wholly_derived","sources":["s1"]}` + "\n" + `{"doc":"b","label":"non_derived","sources":[]}`))
	f.Add([]byte(`{"doc":"rw/1","label":"machine_rewrite","sources":["s"],"near_dup_sources":["n"],"generator":"g"}`))
	f.Add([]byte("\uFEFF\n\r\n{\"doc\":\"\\u00e9\\ud800\",\"label\":\"x\"}\n{\"doc\":\"a\"}"))
	f.Add([]byte(`{"doc":"a","label":"x"}` + "\n" + `{"doc":"a","label":"y"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		labels, err := ReadLabels(bytes.NewReader(data), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("got error %q, want it to start with the input name", err)
			}
			return
		}
		seen := make(map[string]bool)
		var out bytes.Buffer
		for _, l := range labels {
			if l.Doc == "" || l.Label == "" {
				t.Fatalf("got label %#v with empty doc or label", l)
			}
			if seen[l.Doc] {
				t.Fatalf("got doc %q twice", l.Doc)
			}
			seen[l.Doc] = true
			b, err := json.Marshal(l)
			if err != nil {
				t.Fatalf("marshal %#v: %v", l, err)
			}
			out.Write(b)
			out.WriteByte('\n')
		}
		again, err := ReadLabels(&out, "again")
		if err != nil {
			t.Fatalf("reading written labels: %v", err)
		}
		if !reflect.DeepEqual(again, labels) {
			t.Fatalf("round trip: got %#v, want %#v", again, labels)
		}
	})
}
