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

// TestIdeoFlag checks that a Chinese text is marked ideographic, that the
// mark survives encoding, and that an encoding before version 7 reads as
// not marked.
func TestIdeoFlag(t *testing.T) {
	o := DefaultOptions()
	zh := prepare(&Document{ID: "zh", Text: "芬兰总统斯图布周二在赫尔辛基表示，芬兰将继续支持乌克兰。"}, o, &scratch{}, prepFull)
	en := prepare(&Document{ID: "en", Text: "The Finnish president said on Tuesday that Finland would go on supporting Ukraine."}, o, &scratch{}, prepFull)
	if !zh.ideo || en.ideo {
		t.Fatalf("got ideo %v for Chinese, %v for English; want true, false", zh.ideo, en.ideo)
	}
	b, err := zh.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got, old Fingerprint
	if err := got.UnmarshalBinary(b); err != nil || !got.ideo {
		t.Errorf("decoded: got ideo %v, err %v; want true", got.ideo, err)
	}
	if err := old.UnmarshalBinary(zh.marshal(6)); err != nil || old.ideo {
		t.Errorf("version 6: got ideo %v, err %v; want false", old.ideo, err)
	}
}
