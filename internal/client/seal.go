package client

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// sealer encrypts and authenticates what the client keeps on disk: the
// access token and, when asked, the answers of earlier reads. Its keys are
// derived from the API account's private key, so a file is readable only
// by someone who holds that key (and could mint tokens with it anyway); the
// binding (client ID, key ID, scope, token URL and, for reads, the API URL)
// is authenticated with every entry, so an entry of another account or
// endpoint never opens.
type sealer struct {
	aead    cipher.AEAD
	nameKey []byte // names entries without revealing what they hold
	binding string
}

// cacheSalt separates the cache's keys from any other use of the private
// key; a new format gets a new salt and so ignores every old entry.
const cacheSalt = "terraform-provider-abm cache v1"

// newSealer derives the keys of one purpose ("token", "read") from the
// private key and binds them to the given values.
func newSealer(key *ecdsa.PrivateKey, purpose string, binding ...string) (*sealer, error) {
	secret, err := key.Bytes()
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	b := purpose + "\x00" + strings.Join(binding, "\x00")
	encKey, err := hkdf.Key(sha256.New, secret, []byte(cacheSalt), "seal\x00"+b, 32)
	if err != nil {
		return nil, err
	}
	nameKey, err := hkdf.Key(sha256.New, secret, []byte(cacheSalt), "name\x00"+b, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead, nameKey: nameKey, binding: b}, nil
}

// name is the file name of the entry for what (a request URL, "token"):
// the same for the same account and request, and telling nothing of either.
func (s *sealer) name(prefix, what string) string {
	m := hmac.New(sha256.New, s.nameKey)
	m.Write([]byte(what))
	return prefix + "-" + hex.EncodeToString(m.Sum(nil)[:20])
}

// seal encrypts plain under a fresh random nonce; aad is authenticated with
// the binding but not stored.
func (s *sealer) seal(plain []byte, aad string) []byte {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	_, _ = rand.Read(nonce) // never fails (crypto/rand)
	return s.aead.Seal(nonce, nonce, plain, []byte(s.binding+"\x00"+aad))
}

var errUnsealed = errors.New("entry does not open with this account's key")

// open reverses seal; any change to the box, another key or another
// binding or aad fails it.
func (s *sealer) open(box []byte, aad string) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(box) < n+s.aead.Overhead() {
		return nil, errUnsealed
	}
	plain, err := s.aead.Open(nil, box[:n], box[n:], []byte(s.binding+"\x00"+aad))
	if err != nil {
		return nil, errUnsealed
	}
	return plain, nil
}
