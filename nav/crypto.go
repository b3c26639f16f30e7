package nav

import (
	"bytes"
	"crypto/aes"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PasswordHash is the passwordHash of the request header: the upper-case
// hex SHA-512 of the technical user's password (cryptoType SHA-512).
func PasswordHash(password string) string {
	sum := sha512.Sum512([]byte(password))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// OperationData is one invoice of a manageInvoice request as the signature
// sees it: the operation and the base64 invoice data.
type OperationData struct {
	Operation  Operation
	Base64Data string
}

// signatureTime is the timestamp's form inside the signature: UTC,
// YYYYMMDDhhmmss, no milliseconds.
const signatureTime = "20060102150405"

// RequestSignature computes requestSignature (NAV spec 1.5): the upper-case
// hex SHA3-512 of requestId + UTC timestamp (YYYYMMDDhhmmss) + signature
// key, followed for manageInvoice by the upper-case hex SHA3-512 of each
// operation + base64 invoice data, in index order. ops is empty for every
// other operation.
func RequestSignature(requestID string, timestamp time.Time, signKey string, ops []OperationData) string {
	var b strings.Builder
	b.WriteString(requestID)
	b.WriteString(timestamp.UTC().Format(signatureTime))
	b.WriteString(signKey)
	for _, op := range ops {
		b.WriteString(sha3Upper(string(op.Operation) + op.Base64Data))
	}
	return sha3Upper(b.String())
}

func sha3Upper(s string) string {
	sum := sha3.Sum512([]byte(s))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// ErrExchangeToken: the exchange token could not be decoded, almost always
// because the exchange key (cserekulcs) is wrong.
var ErrExchangeToken = errors.New("nav: exchange token cannot be decoded with the exchange key")

// DecryptExchangeToken decodes encodedExchangeToken: base64 of the token
// encrypted with AES-128 in ECB mode, PKCS#7 padded, keyed by the 16
// characters of the exchange key.
func DecryptExchangeToken(encoded, exchangeKey string) (string, error) {
	block, err := aes.NewCipher([]byte(exchangeKey))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrExchangeToken, err)
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(encoded))
	if err != nil || len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return "", fmt.Errorf("%w: not whole AES blocks", ErrExchangeToken)
	}
	plain := make([]byte, len(data))
	for i := 0; i < len(data); i += aes.BlockSize {
		block.Decrypt(plain[i:i+aes.BlockSize], data[i:i+aes.BlockSize])
	}
	pad := int(plain[len(plain)-1])
	if pad == 0 || pad > aes.BlockSize || !bytes.Equal(plain[len(plain)-pad:], bytes.Repeat([]byte{byte(pad)}, pad)) {
		return "", fmt.Errorf("%w: bad padding", ErrExchangeToken)
	}
	return string(plain[:len(plain)-pad]), nil
}

// EncryptExchangeToken is the inverse of DecryptExchangeToken (what NAV
// does); the fake server uses it.
func EncryptExchangeToken(token, exchangeKey string) (string, error) {
	block, err := aes.NewCipher([]byte(exchangeKey))
	if err != nil {
		return "", fmt.Errorf("nav: exchange key: %w", err)
	}
	pad := aes.BlockSize - len(token)%aes.BlockSize
	plain := append([]byte(token), bytes.Repeat([]byte{byte(pad)}, pad)...)
	out := make([]byte, len(plain))
	for i := 0; i < len(plain); i += aes.BlockSize {
		block.Encrypt(out[i:i+aes.BlockSize], plain[i:i+aes.BlockSize])
	}
	return base64.StdEncoding.EncodeToString(out), nil
}
