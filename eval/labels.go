// Package eval scores a scan against hand-made labels, so that the
// project's quality figures (METER-style derivation P/R/F1, attribution,
// machine-rewrite recall and wrong-pair share) can be reproduced by anyone
// with `reprint eval`.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Label values that Score understands. Other labels are read but not scored.
const (
	WhollyDerived    = "wholly_derived"
	PartiallyDerived = "partially_derived"
	NonDerived       = "non_derived"
	MachineRewrite   = "machine_rewrite"
)

// Label is the ground truth for one document: what it is and which
// documents it was (or, for non_derived, might have been) derived from.
type Label struct {
	Doc     string   `json:"doc"`
	Label   string   `json:"label"`
	Sources []string `json:"sources"`
	// NearDupSources are documents nearly identical to a source, so that a
	// link to them is excusable (used for rewrite wrong-pair share).
	NearDupSources []string `json:"near_dup_sources"`
	// Line is the label's line in the file ReadLabels read, for messages.
	Line int `json:"-"`
}

// Known reports whether Score scores the label's value (one of the
// constants above); a label of another value is read but not scored, as a
// misspelt one ("wholly-derived") would be.
func (l Label) Known() bool {
	switch l.Label {
	case WhollyDerived, PartiallyDerived, NonDerived, MachineRewrite:
		return true
	}
	return false
}

// ReadLabels reads JSONL labels, one object per line, from r. Blank lines
// are skipped and unknown fields ignored. Errors name the input as
// "name:line". A document labelled twice is an error, since it would be
// counted twice.
func ReadLabels(r io.Reader, name string) ([]Label, error) {
	br := bufio.NewReader(r)
	var labels []Label
	first := make(map[string]int) // doc -> line of its label
	for line := 1; ; line++ {
		b, readErr := br.ReadBytes('\n')
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return nil, fmt.Errorf("%s:%d: %w", name, line, readErr)
		}
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		if b = bytes.TrimSpace(b); len(b) > 0 {
			l, err := parseLabel(b)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			if prev, dup := first[l.Doc]; dup {
				return nil, fmt.Errorf("%s:%d: doc %q already labelled on line %d", name, line, l.Doc, prev)
			}
			first[l.Doc] = line
			l.Line = line
			labels = append(labels, l)
		}
		if readErr != nil { // io.EOF
			return labels, nil
		}
	}
}

// parseLabel decodes and checks one JSONL line.
func parseLabel(b []byte) (Label, error) {
	var l Label
	if err := json.Unmarshal(b, &l); err != nil {
		return Label{}, fmt.Errorf("invalid label: %w", err)
	}
	switch {
	case l.Doc == "":
		return Label{}, errors.New(`missing or empty "doc"`)
	case l.Label == "":
		return Label{}, fmt.Errorf(`doc %q: missing or empty "label"`, l.Doc)
	}
	return l, nil
}
