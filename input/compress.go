package input

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// headLen is how much of a file unpack looks at: up to the end of a tar
// header's magic number.
const headLen = 262

// unpack returns the data of a file read from f: gunzipped if it starts
// with the gzip magic number, whatever its name, else as it is. Scraped
// archives are often gzipped; reading them as they are saves unpacking
// them first. A zip or tar archive, or a file compressed in another
// format, gives an error saying what it is and how to unpack it, rather
// than being read as a binary file. gz reports whether f was gunzipped;
// errors of the gzip stream then, here or from the reader, say so.
func unpack(f io.Reader) (r io.Reader, gz bool, err error) {
	br := bufio.NewReaderSize(f, 64<<10)
	head, err := br.Peek(headLen)
	if err != nil && err != io.EOF {
		return nil, false, err
	}
	if !bytes.HasPrefix(head, gzipMagic) {
		if err := packed(head); err != nil {
			return nil, false, err
		}
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, true, gzipError(err)
	}
	in := bufio.NewReaderSize(gunzipReader{zr}, 64<<10)
	// An error here comes again from in, after the data before it: a
	// gzip.Reader's errors are sticky.
	if head, _ := in.Peek(headLen); isTar(head) {
		return nil, true, errors.New("gzipped tar archive: unpack it (tar -xzf FILE) and give the folder")
	}
	return in, true, nil
}

// packed returns an error naming the archive or compression format that
// head, the start of a file, is in, or nil if it is none of them.
func packed(head []byte) error {
	has := func(magic string) bool { return bytes.HasPrefix(head, []byte(magic)) }
	switch {
	case has("PK\x03\x04"), has("PK\x05\x06"):
		return errors.New("zip archive: unzip it and give the folder")
	case isTar(head):
		return errors.New("tar archive: unpack it (tar -xf FILE) and give the folder")
	case isBzip2(head):
		return errors.New("bzip2-compressed file: decompress it (bunzip2 FILE) and give the result")
	case has("\xfd7zXZ\x00"):
		return errors.New("xz-compressed file: decompress it (unxz FILE) and give the result")
	case has("\x28\xb5\x2f\xfd"):
		return errors.New("zstd-compressed file: decompress it (unzstd FILE) and give the result")
	}
	return nil
}

// isTar reports whether head starts a tar archive: "ustar" at offset 257
// of its first header, in the POSIX and GNU formats.
func isTar(head []byte) bool {
	return len(head) >= headLen && string(head[257:262]) == "ustar"
}

// isBzip2 reports whether head starts a bzip2 stream: "BZh", a block size
// digit, and the magic number of a first block or of the end of an empty
// stream. The three letters alone could start a text.
func isBzip2(head []byte) bool {
	if len(head) < 10 || string(head[:3]) != "BZh" || head[3] < '1' || head[3] > '9' {
		return false
	}
	m := string(head[4:10])
	return m == "\x31\x41\x59\x26\x53\x59" || m == "\x17\x72\x45\x38\x50\x90"
}

// gunzipReader reads a gzip stream, with its errors worded by gzipError.
type gunzipReader struct{ zr *gzip.Reader }

func (g gunzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(err)
	}
	return n, err
}

// gzipError words an error of a gzip stream for the user: a stream cut
// short is "truncated", a damaged one "bad". Errors of the file under it
// are returned as they are.
func gzipError(err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), err == io.EOF:
		return errors.New("truncated gzip stream")
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum), errors.As(err, &corrupt):
		return fmt.Errorf("bad gzip stream: %s", strings.TrimPrefix(err.Error(), "gzip: "))
	}
	return err
}
