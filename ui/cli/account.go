package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"konnyuszamla/domain"
)

// Account runs "account create [--ask-at-start]": the owner's user
// name and password come on stdin, one per line, as docs/cli.md says; the
// password is given once because a script cannot mistype it.
func Account(ctx context.Context, env Env, accounts *domain.AccountService, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError("account create [--ask-at-start]: felhasználónév és jelszó a szabványos bemeneten, soronként")
	}
	fs := newFlagSet("account create", env)
	ask := fs.Bool("ask-at-start", false, "")
	if pos, err := parseInterspersed(fs, args[1:]); err != nil || len(pos) > 0 {
		return orUsage(err, "account create [--ask-at-start]")
	}
	user, password, err := acctReadCredentials(env.Stdin, "account create")
	if err != nil {
		return err
	}
	if err := accounts.Create(ctx, user, password, password, *ask); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "A fiók létrejött: %s\n", strings.TrimSpace(user))
	return nil
}

// acctReadCredentials reads the user name and the password, one per line.
// Only the line ending is removed from the password: spaces in it count.
func acctReadCredentials(r io.Reader, command string) (user, password string, err error) {
	if r == nil {
		return "", "", usageError("%s: a felhasználónevet és a jelszót a szabványos bemeneten, soronként várja", command)
	}
	sc := bufio.NewScanner(r)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return "", "", fmt.Errorf("read stdin: %w", err)
	}
	if len(lines) < 2 {
		return "", "", usageError("%s: a szabványos bemeneten két sort vár: a felhasználónevet, majd a jelszót", command)
	}
	return lines[0], lines[1], nil
}
