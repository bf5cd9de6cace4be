package reprint

import (
	"testing"
	"time"
)

// TestEarlierPublished checks that a date alone (midnight UTC) orders
// against a time of another day but not of its own.
func TestEarlierPublished(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	day := at("2025-08-20T00:00:00Z")
	tests := []struct {
		name string
		x, y time.Time
		want int
	}{
		{"times", at("2025-08-20T09:30:00Z"), at("2025-08-20T10:00:00Z"), -1},
		{"times reversed", at("2025-08-20T10:00:00Z"), at("2025-08-20T09:30:00Z"), 1},
		{"equal", day, day, 0},
		{"unknown", time.Time{}, day, 0},
		{"date and a time that day", day, at("2025-08-20T09:30:00Z"), 0},
		{"a time and the date of its day", at("2025-08-20T23:59:00Z"), day, 0},
		{"date and a time the next day", day, at("2025-08-21T09:30:00Z"), -1},
		{"date and a time the day before", day, at("2025-08-19T23:00:00Z"), 1},
		{"a time in another zone, the day before in UTC", day, at("2025-08-20T01:00:00+02:00"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := earlierPublished(tt.x, tt.y); got != tt.want {
				t.Errorf("earlierPublished(%v, %v) = %d, want %d", tt.x, tt.y, got, tt.want)
			}
		})
	}
}
