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

func TestCheckFingerprintIDs(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		{"distinct", []string{"b", "a", "c"}, ""},
		{"none", nil, ""},
		{"empty", []string{"a", ""}, `document 1: empty ID`},
		{"repeat", []string{"a", "b", "a"}, `document 2: ID "a" repeats document 0's`},
		{"earliest repeat named", []string{"z", "a", "z", "a", "a"}, `document 2: ID "z" repeats document 0's`},
		{"three alike", []string{"x", "x", "x"}, `document 1: ID "x" repeats document 0's`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fps := make([]*Fingerprint, len(tt.ids))
			docs := make([]Document, len(tt.ids))
			for i, id := range tt.ids {
				fps[i] = &Fingerprint{id: id}
				docs[i] = Document{ID: id}
			}
			got := ""
			if err := checkFingerprintIDs(fps); err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			want := ""
			if err := checkIDs(docs); err != nil {
				want = err.Error()
			}
			if got != want {
				t.Errorf("got %q, checkIDs gives %q", got, want)
			}
		})
	}
}

// TestSameShingles checks that fingerprints of one text that differ only
// in what attribution reads from it are the same to an index, and that
// other sets are not.
func TestSameShingles(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := seedText(t, "001")
	a := d.Fingerprint(Document{ID: "a", Source: "x", Text: text})
	read := *a
	read.garble, read.wire, read.credit, read.days, read.source = 3.5, "PA News", "", -1, "y"
	other := d.Fingerprint(Document{ID: "a", Source: "x", Text: text + " One more sentence at the end of it."})
	tests := []struct {
		name string
		b    *Fingerprint
		want bool
	}{
		{"itself", a, true},
		{"read otherwise", &read, true},
		{"other text", other, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameShingles(a, tt.b); got != tt.want {
				t.Errorf("SameShingles = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFingerprintKeepsMeta checks that a fingerprint stores its URL and
// outlet (version 8) and that an older encoding reads as having none.
func TestFingerprintKeepsMeta(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	fp := d.Fingerprint(Document{ID: "a", Text: seedText(t, "001"), URL: "https://news.example/a", Outlet: "Daily Planet"})
	tests := []struct {
		name        string
		version     byte
		url, outlet string
	}{
		{"this version", fingerprintVersion, "https://news.example/a", "Daily Planet"},
		{"version 7", 7, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Fingerprint
			if err := got.UnmarshalBinary(fp.marshal(tt.version)); err != nil {
				t.Fatal(err)
			}
			if got.URL() != tt.url || got.Outlet() != tt.outlet {
				t.Errorf("got URL %q, outlet %q; want %q, %q", got.URL(), got.Outlet(), tt.url, tt.outlet)
			}
		})
	}
	if info := fp.Info(); info.URL != "https://news.example/a" || info.Outlet != "Daily Planet" {
		t.Errorf("got info %+v, want the URL and outlet", info)
	}
}
