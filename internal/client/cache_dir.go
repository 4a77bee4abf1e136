package client

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// cacheDir is the directory the client keeps its sealed entries in. Every
// entry is written to a temporary file and renamed into place, so a reader
// sees a whole entry or none; files are 0600 in a 0700 directory.
type cacheDir struct {
	path string

	once sync.Once
	err  error // why the directory cannot be used
}

// ready creates the directory on first use.
func (d *cacheDir) ready() error {
	d.once.Do(func() {
		if err := os.MkdirAll(d.path, 0o700); err != nil {
			d.err = fmt.Errorf("cannot create the cache directory %s: %w", d.path, pathErr(err))
		}
	})
	return d.err
}

// pathErr drops the path from an *os.PathError when the message names it.
func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// lockPoll is how often a process waiting for another's lock looks again.
const lockPoll = 20 * time.Millisecond

// lock takes the cross-process lock of one entry, waiting for another
// process that holds it (reading, or fetching and writing, that entry) until
// ctx ends. The operating system lets go of it if the process dies.
func (d *cacheDir) lock(ctx context.Context, name string) (unlock func(), err error) {
	if err := d.ready(); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(d.path, name+".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot write to the cache directory %s: %w", d.path, pathErr(err))
	}
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("cannot lock a file in the cache directory %s: %w", d.path, err)
		}
		if ok {
			return func() {
				_ = unlockFile(f)
				_ = f.Close()
			}, nil
		}
		t := time.NewTimer(lockPoll)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			_ = f.Close()
			return nil, ctx.Err()
		}
	}
}

// maxRecord bounds one record of an entry: one answer of Apple's and its
// seal. A longer length is a damaged file.
const maxRecord = maxBodyBytes + 1024

// entryWriter writes one sealed entry, record by record, to a temporary
// file that commit renames into place. Each record is sealed with its
// entry's name, its position and whether it is the last, so records cannot
// be swapped, dropped or cut off unnoticed.
type entryWriter struct {
	f    *os.File
	bw   *bufio.Writer
	s    *sealer
	dir  string
	name string
	n    int
	last bool
}

func (d *cacheDir) create(s *sealer, name string) (*entryWriter, error) {
	if err := d.ready(); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(d.path, "."+name+".*.tmp") // 0600
	if err != nil {
		return nil, fmt.Errorf("cannot write to the cache directory %s: %w", d.path, pathErr(err))
	}
	return &entryWriter{f: f, bw: bufio.NewWriterSize(f, 256<<10), s: s, dir: d.path, name: name}, nil
}

func recordAAD(name string, i int, last bool) string {
	return name + "\x00" + strconv.Itoa(i) + "\x00" + strconv.FormatBool(last)
}

// add seals and writes one record; last marks the entry's end.
func (w *entryWriter) add(plain []byte, last bool) error {
	box := w.s.seal(plain, recordAAD(w.name, w.n, last))
	var head [5]byte // the last-record flag, in clear but authenticated, then the length
	if last {
		head[0] = 1
	}
	binary.BigEndian.PutUint32(head[1:], uint32(len(box))) //nolint:gosec // bounded by maxRecord on reading
	if _, err := w.bw.Write(head[:]); err != nil {
		return err
	}
	if _, err := w.bw.Write(box); err != nil {
		return err
	}
	w.n++
	w.last = last
	return nil
}

// commit puts a whole entry in place of the old one.
func (w *entryWriter) commit() error {
	if !w.last {
		w.abort()
		return errors.New("cache entry has no last record")
	}
	err := w.bw.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.f.Name(), filepath.Join(w.dir, w.name))
	}
	if err != nil {
		_ = os.Remove(w.f.Name())
		return fmt.Errorf("cannot write to the cache directory %s: %w", w.dir, pathErr(err))
	}
	return nil
}

// abort drops an entry that will not be whole.
func (w *entryWriter) abort() {
	_ = w.f.Close()
	_ = os.Remove(w.f.Name())
}

// entryReader reads one sealed entry record by record. Any damage, a
// record out of place, or a file that ends before its last record is
// errUnsealed: the caller ignores the entry.
type entryReader struct {
	f    *os.File
	br   *bufio.Reader
	s    *sealer
	name string
	n    int
	done bool
}

// openEntry opens an entry; a missing one is os.ErrNotExist.
func (d *cacheDir) openEntry(s *sealer, name string) (*entryReader, error) {
	f, err := os.Open(filepath.Join(d.path, name))
	if err != nil {
		return nil, err
	}
	return &entryReader{f: f, br: bufio.NewReaderSize(f, 256<<10), s: s, name: name}, nil
}

// next returns the next record; io.EOF after the last.
func (r *entryReader) next() (plain []byte, last bool, err error) {
	if r.done {
		return nil, false, io.EOF
	}
	var head [5]byte
	if _, err := io.ReadFull(r.br, head[:]); err != nil {
		return nil, false, errUnsealed
	}
	last = head[0] == 1
	size := binary.BigEndian.Uint32(head[1:])
	if head[0] > 1 || size > maxRecord {
		return nil, false, errUnsealed
	}
	box := make([]byte, size)
	if _, err := io.ReadFull(r.br, box); err != nil {
		return nil, false, errUnsealed
	}
	plain, err = r.s.open(box, recordAAD(r.name, r.n, last))
	if err != nil {
		return nil, false, err
	}
	r.n++
	r.done = last
	return plain, last, nil
}

// rewind starts the entry again from its first record.
func (r *entryReader) rewind() error {
	if _, err := r.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r.br.Reset(r.f)
	r.n, r.done = 0, false
	return nil
}

func (r *entryReader) close() { _ = r.f.Close() }

// remove deletes an entry; a missing one is no error.
func (d *cacheDir) remove(name string) {
	_ = os.Remove(filepath.Join(d.path, name))
}
