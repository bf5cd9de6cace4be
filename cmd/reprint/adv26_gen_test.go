package main

import (
	"bytes"
	"context"
	"testing"
)

// gen checks --planted against [0, 0.5] with < and >, which NaN passes:
// the run succeeds and plants nothing instead of failing as a bad flag
// value (exit 2).
func TestGenPlantedNaN(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"planted NaN", []string{"gen", "-n", "10", "--planted", "NaN"}, exitUsage},
		{"planted nan", []string{"gen", "-n", "10", "--planted", "nan"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(context.Background(), tt.args, nil, &out, &errb); got != tt.want {
				t.Errorf("got exit %d, want %d (stderr %s)", got, tt.want, errb.String())
			}
		})
	}
}
