package realkeyring_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"konnyuszamla/domain"
	"konnyuszamla/storage/secret"
)

// TestRealSecretService stores, reads, replaces and deletes a secret in the
// session's real keyring through the production code path (service
// "konnyuszamla", go-keyring, the timeout wrapper).
func TestRealSecretService(t *testing.T) {
	if os.Getenv("KONNYUSZAMLA_REAL_KEYRING") != "1" {
		t.Skip("set KONNYUSZAMLA_REAL_KEYRING=1 and run under scripts/with-keyring.sh to test the real keyring")
	}
	ctx := context.Background()
	s := secret.New(secret.Options{})
	// A unique account, so that a run on a desktop never touches a real key.
	account := domain.MiniCRMKeyAccount(fmt.Sprintf("realtest-%d", time.Now().UnixNano()))
	t.Cleanup(func() { s.Delete(context.Background(), account) })

	if _, err := s.Get(ctx, account); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Fatalf("Get before Set: %v (is the Secret Service running and unlocked?)", err)
	}
	const first = "s3cr3t-Árvíztűrő-tükörfúrógép"
	if err := s.Set(ctx, account, first); err != nil {
		t.Fatalf("Set: %v", err)
	}
	if v, err := s.Get(ctx, account); err != nil || v != first {
		t.Fatalf("Get = %q, %v", v, err)
	}
	const second = "d9cb5e1f0a7b4c3d8e2f6a1b9c0d4a572"
	if err := s.Set(ctx, account, second); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if v, err := s.Get(ctx, account); err != nil || v != second {
		t.Fatalf("Get after replace = %q, %v", v, err)
	}
	if err := s.Delete(ctx, account); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, account); !errors.Is(err, domain.ErrSecretNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
	if err := s.Delete(ctx, account); err != nil {
		t.Errorf("deleting a missing secret: %v", err)
	}
}
