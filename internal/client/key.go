package client

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// ParsePrivateKey reads the EC P-256 private key of an ABM API account from PEM
// text. Keys in the wild come as SEC1 ("EC PRIVATE KEY"), as PKCS#8 ("PRIVATE
// KEY"), as PKCS#8 under an "EC PRIVATE KEY" label, and with an "EC PARAMETERS"
// block first, so the label is not trusted: every block is tried as PKCS#8
// and then as SEC1, and blocks that cannot hold a key are skipped.
func ParsePrivateKey(data []byte) (*ecdsa.PrivateKey, error) {
	data = normalizePEM(data)
	rest := data
	var found []string
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		found = append(found, block.Type)
		switch block.Type {
		case "EC PARAMETERS":
			continue
		case "CERTIFICATE":
			return nil, errors.New("found a CERTIFICATE, expected the EC P-256 private key (.pem) downloaded for the API account")
		case "ENCRYPTED PRIVATE KEY":
			return nil, errors.New("found an ENCRYPTED PRIVATE KEY; the key must be the unencrypted EC P-256 .pem Apple provides")
		}
		if _, ok := block.Headers["Proc-Type"]; ok {
			return nil, fmt.Errorf("found an encrypted %s block; the key must be the unencrypted EC P-256 .pem Apple provides", block.Type)
		}
		key, err := parseKeyBlock(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%s block: %w", block.Type, err)
		}
		return key, nil
	}
	if len(found) == 0 {
		if strings.TrimSpace(string(data)) == "" {
			return nil, errors.New("the private key is empty; expected PEM text starting with -----BEGIN EC PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----")
		}
		return nil, errors.New("no PEM block found; expected PEM text starting with -----BEGIN EC PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----")
	}
	return nil, fmt.Errorf("no private key among the PEM blocks found (%s); expected an EC P-256 private key", strings.Join(found, ", "))
}

func parseKeyBlock(der []byte) (*ecdsa.PrivateKey, error) {
	if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
		switch key := k.(type) {
		case *ecdsa.PrivateKey:
			return checkCurve(key)
		case *rsa.PrivateKey:
			return nil, errors.New("found an RSA private key; expected an EC P-256 key (ES256)")
		default:
			return nil, fmt.Errorf("found a %T; expected an EC P-256 key (ES256)", k)
		}
	}
	if key, err := x509.ParseECPrivateKey(der); err == nil {
		return checkCurve(key)
	}
	if _, err := x509.ParsePKCS1PrivateKey(der); err == nil {
		return nil, errors.New("found an RSA private key; expected an EC P-256 key (ES256)")
	}
	return nil, errors.New("not a PKCS#8 or SEC1 private key; expected an EC P-256 key (ES256)")
}

func checkCurve(key *ecdsa.PrivateKey) (*ecdsa.PrivateKey, error) {
	if key.Curve != elliptic.P256() {
		return nil, fmt.Errorf("found an EC key on curve %s; expected P-256 (ES256)", key.Curve.Params().Name)
	}
	return key, nil
}

// normalizePEM trims each line, so keys pasted with indentation or saved
// with CRLF line ends still decode.
func normalizePEM(data []byte) []byte {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return []byte(strings.Join(lines, "\n"))
}
