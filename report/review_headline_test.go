package report

import "testing"

// TestHeadlineUnderBannerNotBody checks what Headline passes over a wire
// banner to find: the headline, not an editors' note that runs over two
// lines, nor the first line of a later take's body (which a take after
// the first starts with, having no headline). On METER some 40 of the 318
// PA texts given a headline since banners are passed over get such a
// line: the first line of a two-line "(Corrected repetition. ...)" note,
// "The case was adjourned until tomorrow." (a take of that sentence and an
// end mark), or a body line cut mid-sentence before a capitalised word.
func TestHeadlineUnderBannerNotBody(t *testing.T) {
	const banner = "  ----------\n\n  ----------\n\n   13:07 09/08/99: Page 1 (HHH) COURTS Mother\n  ----------\n"
	const take = "  ----------\n\n  ----------\n\n   16:59 03/04/00: Page 5 (HHH) COURTS Dog Substitute\n  ----------\n"
	tests := []struct {
		name, text, want string
	}{
		{"an editors' note over two lines",
			banner + "(Corrected repetition. Note changes the sentence in the second para to six weeks and\nNOT six months as sent.)<\n\x19MAN JAILED FOR LEAVING DOG TO DIE<\n\x19By Jo Bloggs, PA News<\n\x19A man was today jailed for 12 months after admitting\nleaving his dog to die.<\n",
			"MAN JAILED FOR LEAVING DOG TO DIE"},
		{"a take of one sentence and an end mark",
			take + "The case was adjourned until tomorrow.<\n\x19end<\n\x19\n",
			""},
		{"a later take's body, its sentence going on",
			take + "Mr Evans told the jury that after the neighbours first complained to the council\nEnvironmental Health officers visited the kennel twice.<\n\x19He said the dog had been left alone.<\n",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Headline(tt.text); got != tt.want {
				t.Errorf("Headline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
