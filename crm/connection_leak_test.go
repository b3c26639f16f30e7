//go:build cgo

// The SQLite driver needs cgo; without it these end-to-end tests are left
// out and the rest of crm's tests still run.

package crm_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io/fs"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"konnyuszamla/crm/minicrmtest"
	"konnyuszamla/storage/secret"
)

// TestMiniCRMKeyNeverLeaks sets a distinctive key through every way in
// (API URL and key on stdin, the environment variable), runs set, show and
// test through good and failing connections (wrong key, 500, 429, timeout,
// no network), then greps the SQLite files' raw bytes (with the WAL), every
// captured stdout and stderr, every error text and the standard logger for
// the key and its encodings. The key may only be in the keyring.
func TestMiniCRMKeyNeverLeaks(t *testing.T) {
	const key = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"     // the good key, as MiniCRM shows it
	const wrongKey = "f00dfacecafebabe0123456789abcdef" // a distinctive wrong key
	var logs bytes.Buffer
	log.SetOutput(&logs) // fyne.LogError and any stray log.Print end up here
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	r := newCLIRig(t, key)
	r.conn.Timeout = 200 * time.Millisecond
	steps := []struct {
		stdin string
		args  []string
		setup func()
	}{
		{stdin: r.apiURL(key) + "\n", args: []string{"set", "--api-url-stdin", "--allowed-ips", "10.0.0.0/8"}},
		{args: []string{"show"}},
		{args: []string{"show", "--json"}},
		{args: []string{"test"}},
		{stdin: wrongKey + "\n", args: []string{"set", "--api-key-stdin"}}, // replacement refused
		{stdin: r.apiURL(wrongKey), args: []string{"set", "--api-url-stdin"}},
		{stdin: key + " extra\n", args: []string{"set", "--api-key-stdin"}},                   // malformed key
		{stdin: r.apiURL(key), args: []string{"set", "--api-url-stdin", "--system-id", "99"}}, // mismatch
		{args: []string{"set", "--base-url", "https://12345:" + key + "@r3.minicrm.hu"}},      // key in the wrong field
		{args: []string{"set", "--allowed-ips", key + ",1.2.3.4/" + key}},
		{args: []string{"test"}, setup: func() { r.srv.FailNext(10, minicrmtest.FaultServerError) }},
		{args: []string{"test"}, setup: func() { r.srv.FailNext(10, minicrmtest.FaultRateLimit) }},
		{args: []string{"test"}, setup: func() { r.srv.SetDelay(2 * time.Second) }},
		{args: []string{"test"}, setup: func() {
			r.srv.SetDelay(0)
			// The wrong key in the keyring: a 401 with the fake seeing it.
			if err := keyring.Set(secret.Service, "minicrm:12345", wrongKey); err != nil {
				t.Fatal(err)
			}
		}},
		{args: []string{"show", "--json"}},
		{args: []string{"test"}, setup: func() { r.env[secret.EnvAPIKey] = key }},
		{args: []string{"test"}, setup: func() { r.env[secret.EnvAPIKey] = wrongKey }},
		{args: []string{"set", "--base-url", "http://127.0.0.1:1"}, setup: func() { delete(r.env, secret.EnvAPIKey) }},
		{args: []string{"test"}}, // no network
		{args: []string{"show"}},
	}
	failures := 0
	for _, st := range steps {
		if st.setup != nil {
			st.setup()
		}
		if code, _, _ := r.run(t, st.stdin, st.args...); code != 0 {
			failures++
		}
	}
	if failures < 10 {
		t.Fatalf("only %d steps failed; the test must exercise the failure paths", failures)
	}

	// Raw bytes of the data folder while the database is open (the WAL is
	// still there), and again after it is closed and checkpointed.
	files := readAll(t, r.dir)
	r.db.Close()
	for name, b := range readAll(t, r.dir) {
		files[name+" (closed)"] = b
	}
	if _, ok := files[filepath.Join(r.dir, "konnyuszamla.db-wal")]; !ok {
		t.Errorf("no WAL file was read: %v", keysOf(files))
	}

	needles := map[string]string{}
	for _, k := range []string{key, wrongKey} {
		needles[k] = k
		needles["base64 of "+k] = base64.StdEncoding.EncodeToString([]byte("12345:" + k))
		needles["hex half of "+k] = k[:16] // a truncated key is a leak too
		needles["reversed "+k] = reverse(k)
		needles["query-escaped "+k] = url.QueryEscape(k)
	}
	haystacks := map[string][]byte{"log": logs.Bytes()}
	for name, b := range files {
		haystacks[name] = b
	}
	for i, s := range r.transcript {
		haystacks[fmt.Sprintf("transcript %d", i)] = []byte(s)
	}
	for hname, h := range haystacks {
		for nname, n := range needles {
			if bytes.Contains(bytes.ToLower(h), bytes.ToLower([]byte(n))) {
				t.Errorf("%s found in %s: %.300q", nname, hname, h)
			}
		}
	}
	// The grep is only meaningful if the key did reach the keyring.
	if v, err := keyring.Get(secret.Service, "minicrm:12345"); err != nil || v != wrongKey {
		t.Errorf("keyring holds %q, %v", v, err)
	}
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[path] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keysOf(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
