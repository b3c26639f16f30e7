package nav_test

import (
	"bytes"
	"crypto/aes"
	"encoding/base64"
	"errors"
	"testing"
	"time"

	"konnyuszamla/nav"
)

// TestRequestSignatureSpecVector is the example of the NAV interface
// specification (section 1.5), reproduced in invoicing-hu.md B.6.
func TestRequestSignatureSpecVector(t *testing.T) {
	ts, err := time.Parse(time.RFC3339, "2017-12-30T18:25:45.000Z")
	if err != nil {
		t.Fatal(err)
	}
	got := nav.RequestSignature("TSTKFT1222564", ts, "ce-8f5e-215119fa7dd621DLMRHRLH2S", []nav.OperationData{
		{Operation: "CREATE", Base64Data: "QWJjZDEyMzQ="},
		{Operation: "MODIFY", Base64Data: "RGNiYTQzMjE="},
	})
	const want = "60BC80609EE3B8F42FE904200A49A1921A1DADA08D55319ACD40C59F626514B74EEA49011D372600A10DBCF8199D590DA9C2841D987308F2D83DAE17C2470C42"
	if got != want {
		t.Errorf("signature\n got %s\nwant %s", got, want)
	}
	// The same instant in another zone signs the same: the signature uses UTC.
	local := ts.In(time.FixedZone("CET", 3600))
	if again := nav.RequestSignature("TSTKFT1222564", local, "ce-8f5e-215119fa7dd621DLMRHRLH2S", []nav.OperationData{
		{Operation: "CREATE", Base64Data: "QWJjZDEyMzQ="}, {Operation: "MODIFY", Base64Data: "RGNiYTQzMjE="},
	}); again != want {
		t.Error("the signature depends on the time zone")
	}
}

func TestPasswordHash(t *testing.T) {
	// SHA-512("abc"), FIPS 180-2 test vector, upper case.
	const want = "DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F"
	if got := nav.PasswordHash("abc"); got != want {
		t.Errorf("got %s", got)
	}
}

func TestExchangeTokenDecryption(t *testing.T) {
	const key = "FA481F0C5F5A1EE3"
	// The token PKCS#7-padded and AES-128-ECB encrypted block by block,
	// independently of EncryptExchangeToken.
	block, _ := aes.NewCipher([]byte(key))
	want := "0f2a3f8a-1c37-4b1d-a8a5-0cf2c6a55d3c1LT7OMQ3MVU7"
	pad := 16 - len(want)%16
	plain := append([]byte(want), bytes.Repeat([]byte{byte(pad)}, pad)...)
	enc := make([]byte, len(plain))
	for i := 0; i < len(plain); i += 16 {
		block.Encrypt(enc[i:i+16], plain[i:i+16])
	}
	got, err := nav.DecryptExchangeToken(base64.StdEncoding.EncodeToString(enc), key)
	if err != nil || got != want {
		t.Fatalf("got %q, %v", got, err)
	}
	round, _ := nav.EncryptExchangeToken(want, key)
	if round != base64.StdEncoding.EncodeToString(enc) {
		t.Error("EncryptExchangeToken differs from AES-128-ECB with PKCS#7")
	}
	if _, err := nav.DecryptExchangeToken(round, "0000000000000000"); !errors.Is(err, nav.ErrExchangeToken) {
		t.Errorf("wrong key: %v", err)
	}
	if _, err := nav.DecryptExchangeToken(round, "short"); !errors.Is(err, nav.ErrExchangeToken) {
		t.Errorf("short key: %v", err)
	}
}
