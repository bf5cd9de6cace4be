package index

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/reprint-dev/reprint"
)

// damageFixture builds an index of n tiny documents and returns its file's
// bytes, with the detector, documents and fingerprints used.
func damageFixture(t *testing.T, n int) ([]byte, *reprint.Detector, []reprint.Document, []*reprint.Fingerprint) {
	t.Helper()
	det, err := reprint.New(reprint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "good.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, fps, keys := tiny(t, det, "d", n, func(i int) []uint64 { return []uint64{uint64(i), uint64(i + 1), 1 << 40} })
	if _, err := ix.Add(docs, fps, keys); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b, det, docs, fps
}

// bucketPage returns the page size of the bbolt file at path and the root
// page of its bucket name.
func bucketPage(t *testing.T, path string, name []byte) (pageSize int, root uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		root = uint64(tx.Bucket(name).Root())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if root == 0 {
		t.Fatalf("bucket %s is inline, want one with pages of its own", name)
	}
	return db.Info().PageSize, root
}

// closeSoon closes ix, failing the test if Close hangs.
func closeSoon(t *testing.T, ix *Index) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- ix.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("got Close error %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close hangs")
	}
}

func TestDamagedFile(t *testing.T) {
	good, det, docs, fps := damageFixture(t, 500)
	garbage := func(n int) []byte {
		b := make([]byte, n)
		rand.NewChaCha8([32]byte{1}).Read(b)
		return b
	}
	const page = 4096
	tests := []struct {
		name   string
		damage func(path string) []byte // the damaged file
	}{
		{"truncated to half", func(string) []byte { return good[:len(good)/2] }},
		{"truncated to the meta pages and a bit", func(string) []byte { return good[:2*page+100] }},
		{"truncated to one page", func(string) []byte { return good[:page] }},
		{"truncated to 100 bytes", func(string) []byte { return good[:100] }},
		{"empty", func(string) []byte { return nil }},
		{"garbage bytes", func(string) []byte { return garbage(len(good)) }},
		{"garbage after the meta pages", func(string) []byte {
			return append(good[:2*page:2*page], garbage(len(good)-2*page)...)
		}},
		{"zeros after the meta pages", func(string) []byte {
			return append(good[:2*page:2*page], make([]byte, len(good)-2*page)...)
		}},
		{"ids bucket zeroed", func(path string) []byte {
			os.WriteFile(path, good, 0o644)
			ps, root := bucketPage(t, path, bIDs)
			b := append([]byte(nil), good...)
			clear(b[int(root)*ps : int(root+1)*ps])
			return b
		}},
	}
	for _, tt := range tests {
		for _, readOnly := range []bool{true, false} {
			name := tt.name + "/writable"
			if readOnly {
				name = tt.name + "/read-only"
			}
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "bad.idx")
				if err := os.WriteFile(path, tt.damage(path), 0o644); err != nil {
					t.Fatal(err)
				}
				checkDamaged := func(op string, err error) bool {
					t.Helper()
					if err == nil {
						return false
					}
					if !errors.Is(err, ErrDamaged) {
						t.Errorf("%s: got error %v, want ErrDamaged", op, err)
					}
					if msg := err.Error(); !strings.Contains(msg, "index "+path+" is damaged (truncated or corrupted): ") {
						t.Errorf("%s: got %q, want it to say index %s is damaged", op, msg, path)
					}
					return true
				}
				opts := Options{ReadOnly: readOnly, Timeout: 200 * time.Millisecond}
				ix, err := Open(path, det.Params(), opts)
				if checkDamaged("Open", err) {
					_, err := Open(path, det.Params(), opts) // the file is not left locked
					if !checkDamaged("Open again", err) {
						t.Errorf("Open again: got no error, want ErrDamaged")
					}
					return
				}
				defer closeSoon(t, ix)
				errs := map[string]error{}
				_, errs["Stats"] = ix.Stats()
				_, errs["DocFreq"] = ix.DocFreq()
				_, errs["Has"] = ix.Has(docs[0].ID)
				_, _, errs["Get"] = ix.Get([]string{docs[0].ID, docs[len(docs)-1].ID})
				_, _, _, errs["GetSorted"] = ix.GetSorted([]string{docs[len(docs)-1].ID, docs[0].ID})
				_, errs["Candidates"] = ix.Candidates([]uint64{1, 1 << 40}, 0)
				if !readOnly {
					_, errs["Add"] = ix.Add(docs[:1], fps[:1], [][]uint64{{7}})
				}
				found := false
				for op, err := range errs {
					if checkDamaged(op, err) {
						found = true
					}
				}
				if !found {
					t.Errorf("got no error from Open or any method, want ErrDamaged")
				}
			})
		}
	}
}

// TestDamagedWrite: after a write transaction panicked, the index returns
// the error and can be closed, and the file opened again.
func TestDamagedWrite(t *testing.T) {
	good, det, docs, fps := damageFixture(t, 500)
	path := filepath.Join(t.TempDir(), "bad.idx")
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	ps, root := bucketPage(t, path, bIDs)
	clear(good[int(root)*ps : int(root+1)*ps])
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(path, det.Params(), Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("got Open error %v, want nil (the ids bucket is not read)", err)
	}
	_, err = ix.Add(docs[:1], fps[:1], [][]uint64{{7}})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Add: got %v, want ErrDamaged", err)
	}
	if _, err2 := ix.Stats(); !errors.Is(err2, ErrDamaged) {
		t.Errorf("Stats after a failed write: got %v, want ErrDamaged", err2)
	}
	closeSoon(t, ix)
	ix, err = Open(path, det.Params(), Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("reopen: got %v, want nil", err)
	}
	closeSoon(t, ix)
}

// TestCloseWithLockHeld: Close does not wait for the lock of a write
// transaction that panicked before releasing it, and releases the file.
func TestCloseWithLockHeld(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	path := filepath.Join(t.TempDir(), "l.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.db.Begin(true); err != nil { // never closed: holds the write lock
		t.Fatal(err)
	}
	ix.broken.Store(&brokenState{err: damaged(path, errors.New("test")), locked: true})
	closeSoon(t, ix)
	ix, err = Open(path, det.Params(), Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("reopen: got %v, want nil", err)
	}
	closeSoon(t, ix)
}

func TestCreateError(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	dir := t.TempDir()
	tests := []struct {
		name, path, want string
		is               error
	}{
		{"missing folder", filepath.Join(dir, "nonexist", "x.idx"), "create index " + filepath.Join(dir, "nonexist", "x.idx") + ": no such file or directory", fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.path, det.Params(), Options{})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %s", err, tt.want)
			}
			if !errors.Is(err, ErrCreate) {
				t.Errorf("got %v, want ErrCreate", err)
			}
			if errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotExist) {
				t.Errorf("got %v, want neither ErrDamaged nor ErrNotExist", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("got %v, want it to wrap %v", err, tt.is)
			}
		})
	}
}

func TestInUse(t *testing.T) {
	det, _ := reprint.New(reprint.Options{})
	path := filepath.Join(t.TempDir(), "u.idx")
	ix, err := Open(path, det.Params(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	tests := []struct {
		name           string
		holder, opener Options
		want           string
	}{
		{"reader waits for a writer", Options{}, Options{ReadOnly: true, Timeout: 100 * time.Millisecond},
			"in use by another process (an index add or filter --add writing it); gave up after 100ms"},
		{"writer waits for a reader", Options{ReadOnly: true}, Options{Timeout: 100 * time.Millisecond},
			"in use by another process (an index add or filter --add writing it, or a check, filter, serve or index stats reading it); gave up after 100ms"},
		{"writer waits for a writer", Options{}, Options{Timeout: 100 * time.Millisecond},
			"in use by another process (an index add or filter --add writing it, or a check, filter, serve or index stats reading it); gave up after 100ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			holder, err := Open(path, det.Params(), tt.holder)
			if err != nil {
				t.Fatal(err)
			}
			defer holder.Close()
			_, err = Open(path, det.Params(), tt.opener)
			if got, want := err, "open index "+path+": "+tt.want; got == nil || got.Error() != want {
				t.Fatalf("got %v, want %s", got, want)
			}
			if !errors.Is(err, bolt.ErrTimeout) || !errors.Is(err, ErrLocked) {
				t.Errorf("got %v, want it to wrap ErrLocked and bolt.ErrTimeout", err)
			}
		})
	}
}

// TestUndecodableValues: stored values that bbolt reads fine but that do
// not decode (bytes the index did not write) are ErrDamaged too.
func TestUndecodableValues(t *testing.T) {
	_, det, docs, fps := damageFixture(t, 20)
	tests := []struct {
		name   string
		bucket []byte
		key    func(tx *bolt.Tx) []byte
		call   func(ix *Index) error
	}{
		{"shingle counts", bDocFreq, func(*bolt.Tx) []byte { return kDocFreq }, func(ix *Index) error { _, err := ix.DocFreq(); return err }},
		{"fingerprint", bDocs, func(tx *bolt.Tx) []byte { k, _ := tx.Bucket(bDocs).Cursor().First(); return k }, func(ix *Index) error {
			_, _, err := ix.Get([]string{docs[0].ID})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.idx")
			ix, err := Open(path, det.Params(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ix.Add(docs[:1], fps[:1], [][]uint64{{1, 2}}); err != nil {
				t.Fatal(err)
			}
			ix.Close()
			db, err := bolt.Open(path, 0o644, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(tt.bucket).Put(tt.key(tx), []byte("\xffgarbage")) }); err != nil {
				t.Fatal(err)
			}
			db.Close()
			ix, err = Open(path, det.Params(), Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if err := tt.call(ix); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
				t.Errorf("got %v, want ErrDamaged naming %s", err, path)
			}
		})
	}
}

// TestCatchRuntimeError checks that a Go runtime panic met in bbolt (an
// index out of range on a bad page) reads as a damaged index, in words
// for people, with the runtime error still wrapped.
func TestCatchRuntimeError(t *testing.T) {
	err := func() (err error) {
		defer catch("x.idx", &err, nil)()
		var b []byte
		i := 3
		_ = b[i] // index out of range
		return nil
	}()
	var re runtime.Error
	if want := "index x.idx is damaged (truncated or corrupted): a page does not decode"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &re) {
		t.Errorf("got %v, want it to wrap ErrDamaged and the runtime error", err)
	}
}
