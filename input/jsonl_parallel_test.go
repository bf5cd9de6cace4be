package input

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// readAllWith reads src with the given workers and returns what a caller
// sees: documents, errors and warnings, in order.
func readAllWith(src string, workers int) (docs []string, errs []string, warns []string) {
	o := Options{Workers: workers, Warn: func(m string) { warns = append(warns, m) }}
	r := NewJSONL(strings.NewReader(src), "in.jsonl", o)
	defer r.Close()
	for {
		d, err := r.Read()
		if err == io.EOF {
			return
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			errs = append(errs, pe.Error())
			continue
		}
		if err != nil {
			errs = append(errs, "fatal: "+err.Error())
			return
		}
		docs = append(docs, fmt.Sprintf("%s|%s|%s|%s", d.ID, d.Source, d.Text, d.Published))
	}
}

func TestJSONLParallelSameAsSequential(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeff")
	for i := range 500 {
		switch i % 11 {
		case 3:
			b.WriteString("{broken\n")
		case 5:
			b.WriteString("   \n")
		case 7:
			fmt.Fprintf(&b, `{"id":"d%d","text":"dup"}`+"\n", i-1)
		case 9:
			fmt.Fprintf(&b, `{"id":"d%d","text":"caf`+"\xe9"+` latin-1","published":"nonsense"}`+"\n", i)
		default:
			fmt.Fprintf(&b, `{"id":"d%d","text":"text %d %s","published":"2024-01-02"}`+"\n", i, i, strings.Repeat("x", i*37%3000))
		}
	}
	b.WriteString(`{"id":"last","text":"no newline at the end"}`)
	src := b.String()
	wantDocs, wantErrs, wantWarns := readAllWith(src, 0)
	if len(wantDocs) == 0 || len(wantErrs) == 0 || len(wantWarns) == 0 {
		t.Fatalf("fixture too tame: %d docs %d errors %d warnings", len(wantDocs), len(wantErrs), len(wantWarns))
	}
	for _, w := range []int{2, 3, 8} {
		t.Run(fmt.Sprintf("workers=%d", w), func(t *testing.T) {
			docs, errs, warns := readAllWith(src, w)
			if !reflect.DeepEqual(docs, wantDocs) {
				t.Errorf("got %d documents, want %d (or they differ)", len(docs), len(wantDocs))
			}
			if !reflect.DeepEqual(errs, wantErrs) {
				t.Errorf("got errors %q, want %q", errs, wantErrs)
			}
			if !reflect.DeepEqual(warns, wantWarns) {
				t.Errorf("got warnings %q, want %q", warns, wantWarns)
			}
		})
	}
}

// TestJSONLParallelStopEarly checks that Close ends a parallel read cleanly
// when the caller stops before the end.
func TestJSONLParallelStopEarly(t *testing.T) {
	var b strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&b, `{"id":"%d","text":"t"}`+"\n", i)
	}
	r := NewJSONL(strings.NewReader(b.String()), "x", Options{Workers: 4})
	for range 3 {
		if _, err := r.Read(); err != nil {
			t.Fatal(err)
		}
	}
	r.Close()
}

func FuzzJSONLParallel(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n\n{bad")
	f.Add("\xff\xfe{\"id\":1,\"text\":\"\xe9\"}")
	f.Fuzz(func(t *testing.T, src string) {
		d1, e1, w1 := readAllWith(src, 0)
		d2, e2, w2 := readAllWith(src, 3)
		if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(w1, w2) {
			t.Errorf("parallel read differs from sequential:\n%q %q %q\n%q %q %q", d1, e1, w1, d2, e2, w2)
		}
	})
}
