package client_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// cached sets the cache directory, with the token cache on and the read
// cache at maxAge (0: off).
func cached(dir string, maxAge time.Duration) func(*client.Config) {
	return func(cfg *client.Config) {
		cfg.CacheDir, cfg.TokenCache, cfg.ReadCacheMaxAge = dir, true, maxAge
	}
}

// deviceList reads every device and fails the test on an error.
func deviceList(t *testing.T, c *client.Client) []*client.Record {
	t.Helper()
	var out []*client.Record
	if err := c.ListOrgDevices(context.Background(), func(r *client.Record) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatalf("ListOrgDevices: %v", err)
	}
	return out
}

func TestTokenCacheOneGrantForManyClients(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 30})
	dir := t.TempDir()
	for range 6 {
		c, _ := newClient(t, f, cached(dir, 0))
		deviceList(t, c)
	}
	if n := f.Count("token"); n != 1 {
		t.Errorf("six clients one after another: %d token grants, want 1", n)
	}

	g := newFake(t, fakeabm.Options{Seed: 1, Devices: 30})
	dir = t.TempDir()
	var wg sync.WaitGroup
	for range 3 {
		c, _ := newClient(t, g, cached(dir, 0))
		wg.Go(func() { deviceList(t, c) })
	}
	wg.Wait()
	if n := g.Count("token"); n != 1 {
		t.Errorf("three clients at once: %d token grants, want 1", n)
	}
}

func TestTokenCacheOff(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 5})
	dir := t.TempDir()
	for range 2 {
		c, _ := newClient(t, f, cached(dir, 0), func(cfg *client.Config) { cfg.TokenCache = false })
		deviceList(t, c)
	}
	if n := f.Count("token"); n != 2 {
		t.Errorf("token cache off: %d grants for two clients, want 2", n)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("token cache off wrote %d files", len(files))
	}
}

func TestTokenCacheReplacesAnExpiringToken(t *testing.T) {
	// A 2 s token is used for its first half (the refresh margin is at most
	// half the lifetime), so after 1.1 s the cached one is not used.
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 5, TokenTTL: 2 * time.Second})
	dir := t.TempDir()
	c, _ := newClient(t, f, cached(dir, 0))
	deviceList(t, c)
	time.Sleep(1100 * time.Millisecond)
	c, rec := newClient(t, f, cached(dir, 0))
	deviceList(t, c)
	if n := f.Count("token"); n != 2 {
		t.Errorf("%d grants, want 2: the expiring token was used again", n)
	}
	if s := rec.statuses(); strings.Contains(s, "401") {
		t.Errorf("answers %s: the cached token was sent after its time", s)
	}
}

func TestTokenCacheRevokedTokenCostsOne401(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 5})
	dir := t.TempDir()
	c, _ := newClient(t, f, cached(dir, 0))
	deviceList(t, c)
	f.ExpireTokens() // Apple forgets every token it issued
	c, rec := newClient(t, f, cached(dir, 0))
	deviceList(t, c)
	if n := f.Count("token"); n != 2 {
		t.Errorf("%d grants, want 2", n)
	}
	if n := strings.Count(rec.statuses(), "401"); n != 1 {
		t.Errorf("%d answers 401, want 1 (%s)", n, rec.statuses())
	}
	c, rec = newClient(t, f, cached(dir, 0))
	deviceList(t, c)
	if n := f.Count("token"); n != 2 || strings.Contains(rec.statuses(), "401") {
		t.Errorf("the replacing token was not kept: %d grants, answers %s", n, rec.statuses())
	}
}

func TestCacheEntriesDamagedOrForeignAreIgnored(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 1200})
	dir := t.TempDir()
	c, _ := newClient(t, f, cached(dir, time.Hour))
	want := deviceList(t, c)

	damage := map[string]func([]byte) []byte{
		"empty":     func([]byte) []byte { return nil },
		"garbage":   func([]byte) []byte { return []byte("not an entry at all") },
		"flipped":   func(b []byte) []byte { b = bytes.Clone(b); b[len(b)/2] ^= 1; return b },
		"truncated": func(b []byte) []byte { return b[:len(b)-len(b)/3] },
	}
	for name, hurt := range damage {
		entries := entryFiles(t, dir)
		for _, p := range entries {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, hurt(b), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		f.ResetCounts()
		c, _ := newClient(t, f, cached(dir, time.Hour))
		if got := deviceList(t, c); !reflect.DeepEqual(got, want) {
			t.Errorf("%s entries: the devices differ from the first read", name)
		}
		if f.Count("token") != 1 || f.Count("orgDevices") != 2 {
			t.Errorf("%s entries: counts %v, want a new token and both pages from Apple", name, f.Counts())
		}
	}

	// Another API account in the same directory neither reads nor disturbs
	// the first one's entries.
	other := newFake(t, fakeabm.Options{Seed: 2, Devices: 10})
	oc, _ := newClient(t, other, cached(dir, time.Hour))
	deviceList(t, oc)
	if other.Count("token") != 1 || other.Count("orgDevices") != 1 {
		t.Errorf("another account: counts %v, want its own token and page", other.Counts())
	}
	f.ResetCounts()
	c, _ = newClient(t, f, cached(dir, time.Hour))
	deviceList(t, c)
	if n := len(f.Counts()); n != 0 {
		t.Errorf("the first account after another's read: counts %v, want none", f.Counts())
	}
}

// entryFiles is every cache entry in dir (not the lock files).
func entryFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range files {
		if !strings.HasSuffix(e.Name(), ".lock") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatal("no cache entries")
	}
	return out
}

func TestCacheFilesAreSealedAndPrivate(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 40})
	dir := filepath.Join(t.TempDir(), "cache")
	c, _ := newClient(t, f, cached(dir, time.Hour))
	devices := deviceList(t, c)
	var users int
	if err := c.ListUsers(context.Background(), func(*client.Record) error { users++; return nil }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("cache directory: %v, mode %v, want 0700", err, fi.Mode().Perm())
	}
	var secrets []string
	for _, v := range f.Secrets() {
		secrets = append(secrets, v...)
	}
	for _, d := range devices {
		secrets = append(secrets, d.ID)
	}
	for _, u := range f.Users() {
		secrets = append(secrets, u.Email, u.ManagedAppleAccount)
	}
	if users == 0 || len(devices) == 0 {
		t.Fatal("nothing read")
	}
	files, _ := os.ReadDir(dir)
	for _, e := range files {
		p := filepath.Join(dir, e.Name())
		fi, _ := os.Stat(p)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", e.Name(), fi.Mode().Perm())
		}
		b, _ := os.ReadFile(p)
		for _, s := range secrets {
			if s != "" && (bytes.Contains(b, []byte(s)) || strings.Contains(e.Name(), s)) {
				t.Errorf("%s holds %q in the clear", e.Name(), s)
			}
		}
	}
}

func TestReadCacheServesTheSameRecordsWithinItsAge(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 2500})
	dir := t.TempDir()
	c, _ := newClient(t, f, cached(dir, 1500*time.Millisecond))
	want := deviceList(t, c)
	if u := c.Usage(); u.FromReadCache != 0 {
		t.Errorf("first read: %d served from the read cache", u.FromReadCache)
	}

	f.ResetCounts()
	c, _ = newClient(t, f, cached(dir, 1500*time.Millisecond))
	if got := deviceList(t, c); !reflect.DeepEqual(got, want) {
		t.Error("the cached read differs from the read from Apple")
	}
	if n := len(f.Counts()); n != 0 {
		t.Errorf("second read asked Apple: %v", f.Counts())
	}
	u := c.Usage()
	if u.FromReadCache != 1 || u.ReadCacheOldest.IsZero() || time.Since(u.ReadCacheOldest) > 1500*time.Millisecond {
		t.Errorf("usage %+v: want one read from the cache, read within its age", u)
	}

	// Audit events move with the clock: always from Apple.
	q := client.AuditQuery{Start: "2020-01-01T00:00:00Z", End: time.Now().UTC().Format(time.RFC3339)}
	for range 2 {
		if err := c.ListAuditEvents(context.Background(), q, func(*client.Record) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.Count("auditEvents"); n < 2 {
		t.Errorf("audit events read %d times from Apple, want every time", n)
	}

	time.Sleep(1600 * time.Millisecond)
	f.ResetCounts()
	c, _ = newClient(t, f, cached(dir, 1500*time.Millisecond))
	deviceList(t, c)
	if n := f.Count("orgDevices"); n != 3 {
		t.Errorf("after the maximum age: %d device pages from Apple, want 3", n)
	}
}

func TestReadCacheKeepsSingleReadsApart(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 20})
	dir := t.TempDir()
	serials := f.ListedSerials()
	read := func() (*client.Record, *client.Record) {
		c, _ := newClient(t, f, cached(dir, time.Hour))
		a, err := c.GetOrgDevice(context.Background(), serials[0])
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.GetOrgDevice(context.Background(), serials[1])
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
	a1, b1 := read()
	f.ResetCounts()
	a2, b2 := read()
	if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(b1, b2) || a2.ID != serials[0] || b2.ID != serials[1] {
		t.Error("a device read from the cache is not the one asked for")
	}
	if n := len(f.Counts()); n != 0 {
		t.Errorf("second reads asked Apple: %v", f.Counts())
	}
	// A device Apple does not know is an error each time, never cached.
	c, _ := newClient(t, f, cached(dir, time.Hour))
	for range 2 {
		if _, err := c.GetOrgDevice(context.Background(), "NOSUCHSERIAL"); err == nil {
			t.Fatal("unknown serial read without error")
		}
	}
	if n := f.Count("orgDevice"); n != 2 {
		t.Errorf("unknown serial asked %d times, want 2", n)
	}
}

func TestUnusableCacheDirectoryIsNoError(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 1, Devices: 5})
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c, _ := newClient(t, f, cached(filepath.Join(file, "cache"), time.Hour))
	if got, want := len(deviceList(t, c)), len(f.ListedSerials()); got != want {
		t.Fatalf("%d devices, want %d", got, want)
	}
	if u := c.Usage(); !strings.Contains(u.CacheTrouble, "cannot create the cache directory") {
		t.Errorf("CacheTrouble %q, want why the directory cannot be used", u.CacheTrouble)
	}
}
