package reprint

import "testing"

// A scan's sketch holds no sets: storing it would store an empty
// document, so MarshalBinary refuses it.
func TestMarshalSketch(t *testing.T) {
	fp := &Fingerprint{id: "a", litKeys: []uint32{1}}
	if _, err := fp.MarshalBinary(); err == nil {
		t.Errorf("got no error for a sketch, want one")
	}
}
