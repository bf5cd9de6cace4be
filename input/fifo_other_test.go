//go:build !unix

package input

import "errors"

func syscallMkfifo(string) error { return errors.New("not supported") }
