package fakeabm

import (
	"fmt"
	"math/big"
	"math/bits"
	"time"
)

// Generated devices are not stored: every attribute is a pure function of
// (seed, index, attribute key), recomputed when a page is written. Only the few facts needed to
// page and to link (released, assigned server) are kept, so 200,000 devices cost
// a few megabytes and build in milliseconds.

// rng is splitmix64: tiny, fast, and the same stream for the same seed on every
// platform (math/rand's sources make no such promise across Go versions).
type rng struct{ s uint64 }

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func newRNG(seed int64, stream, i uint64) *rng {
	return &rng{s: rngStart(seed, stream, i)}
}

// rngStart is the state stream i of a seed starts from.
func rngStart(seed int64, stream, i uint64) uint64 {
	return mix64(uint64(seed)*0x9E3779B97F4A7C15 ^ mix64(stream+1)*0xD1B54A32D192ED03 ^ mix64(i+0x5851F42D4C957F2D))
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	return mix64(r.s)
}

func (r *rng) intn(n int) int             { return int(r.next() % uint64(n)) }
func (r *rng) chance(pct int) bool        { return r.intn(100) < pct }
func (r *rng) pick(v []string) string     { return v[r.intn(len(v))] }
func (r *rng) digits(n int) string        { return r.fromAlphabet("0123456789", n) }
func (r *rng) alnum(n int) string         { return r.fromAlphabet(serialAlphabet, n) }
func (r *rng) between(lo, hi int64) int64 { return lo + int64(r.next()%uint64(hi-lo)) }

// pattern is p with each '?' a letter (no I or O) and each '#' a digit.
func (r *rng) pattern(p string) string {
	b := []byte(p)
	for i, c := range b {
		switch c {
		case '?':
			b[i] = patternLetters[r.intn(len(patternLetters))]
		case '#':
			b[i] = '0' + byte(r.intn(10))
		}
	}
	return string(b)
}

const patternLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ"

func (r *rng) fromAlphabet(a string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = a[r.intn(len(a))]
	}
	return string(b)
}

// streamOf is the stream of a name: a device attribute's key, or a group of
// them (device_gen.go). FNV-1a, so a name keeps its stream on every platform.
func streamOf(name string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

// Random streams, so adding a draw to one kind of record never shifts another.
const (
	streamDevice = iota + 1
	streamServer
	streamSerialFirst
	streamSerialPerm
	streamCredentials
	streamCursor
)

// --- serial numbers -------------------------------------------------------

const serialAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Generated serials never start with X, so they never collide with the fixtures.
const serialFirstChars = "CDFGHJKLMNPQRTVWY"

// serialPerm maps an index to the last 11 characters of its serial through the
// bijection v = a*i + b (mod 36^11): unique by construction, reversible for lookups.
type serialPerm struct {
	seed       int64
	a, b, ainv uint64
}

const serialMod = 131621703842267136 // 36^11

func newSerialPerm(seed int64) serialPerm {
	r := newRNG(seed, streamSerialPerm, 0)
	a := r.next()%serialMod | 1
	for a%3 == 0 { // coprime with 36 = 2²·3²
		a = (a + 2) % serialMod
	}
	inv := new(big.Int).ModInverse(new(big.Int).SetUint64(a), new(big.Int).SetUint64(serialMod))
	return serialPerm{seed: seed, a: a, b: r.next() % serialMod, ainv: inv.Uint64()}
}

func mulmod(x, y, m uint64) uint64 {
	hi, lo := bits.Mul64(x, y)
	return bits.Rem64(hi, lo, m)
}

func (p serialPerm) serial(i int) string {
	v := (mulmod(p.a, uint64(i), serialMod) + p.b) % serialMod
	var b [12]byte
	for k := 11; k >= 1; k-- {
		b[k] = serialAlphabet[v%36]
		v /= 36
	}
	b[0] = p.first(i)
	return string(b[:])
}

func (p serialPerm) first(i int) byte {
	return serialFirstChars[newRNG(p.seed, streamSerialFirst, uint64(i)).intn(len(serialFirstChars))]
}

// index reverses serial; ok is false for anything serial(i) could not produce.
func (p serialPerm) index(s string, n int) (int, bool) {
	if len(s) != 12 {
		return 0, false
	}
	var v uint64
	for k := 1; k < 12; k++ {
		c := s[k]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'A' && c <= 'Z':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		v = v*36 + d
	}
	i := mulmod((v+serialMod-p.b)%serialMod, p.ainv, serialMod)
	if i >= uint64(n) || p.first(int(i)) != s[0] {
		return 0, false
	}
	return int(i), true
}

// --- time stamps ------------------------------------------------------------

// stamp formats Unix seconds plus milliseconds with 0–3 fractional digits,
// trailing zeros trimmed, as Apple does (…14.192Z, …32.59Z, …07:00:00Z).
func stamp(sec int64, ms, digits int) string {
	b := time.Unix(sec, 0).UTC().AppendFormat(make([]byte, 0, 24), "2006-01-02T15:04:05")
	if digits > 0 {
		f := []byte(fmt.Sprintf("%03d", ms))[:digits]
		for len(f) > 0 && f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		if len(f) > 0 {
			b = append(append(b, '.'), f...)
		}
	}
	return string(append(b, 'Z'))
}

func (r *rng) stamp(lo, hi int64) (string, int64) {
	sec := r.between(lo, hi)
	return stamp(sec, r.intn(1000), r.intn(4)), sec
}

var (
	t2019 = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	t2026 = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	tNow  = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).Unix() // the data set's "now": fixed for determinism
)

// --- MDM servers --------------------------------------------------------------

var serverProducts = []string{"Jamf Pro", "Kandji", "Intune", "Mosyle", "Workspace ONE", "Addigy", "Fleet", "SimpleMDM"}
var serverFamilies = []string{"APPLE_TV", "IPAD", "IPHONE", "MAC", "VISION", "WATCH"}

func genServer(seed int64, i int) MdmServer {
	r := newRNG(seed, streamServer, uint64(i))
	s := MdmServer{
		ID:         fmt.Sprintf("%016X%016X", r.next(), r.next()),
		ServerName: fmt.Sprintf("%s %02d", r.pick(serverProducts), i+1),
		ServerType: "MDM",
		Status:     "ACTIVE",
	}
	switch n := r.intn(100); {
	case n < 8:
		s.ServerType = "APPLE_CONFIGURATOR"
	case n < 12:
		s.ServerType = "APPLE_MDM"
	}
	if r.chance(10) {
		s.Status = "INACTIVE"
	}
	s.EnableMdmDisownFlag = r.chance(20)
	s.DefaultProductFamilies = []string{}
	for _, f := range serverFamilies {
		if r.chance(40) {
			s.DefaultProductFamilies = append(s.DefaultProductFamilies, f)
		}
	}
	var created int64
	s.CreatedDateTime, created = r.stamp(t2019, t2026)
	s.UpdatedDateTime, _ = r.stamp(created, tNow)
	if r.chance(85) {
		s.LastConnectedDateTime, _ = r.stamp(created, tNow)
		s.LastConnectedIP = fmt.Sprintf("198.51.100.%d", 10+r.intn(240))
	}
	return s
}
