package cli

import (
	"context"
	"fmt"
)

func cmdVersion(ctx context.Context, env Env, args []string) error {
	if len(args) > 0 {
		return usageError("a version nem vár további argumentumot")
	}
	fmt.Fprintf(env.Stdout, "KönnyűSzámla %s\n", env.Version)
	fmt.Fprintf(env.Stdout, "adatmappa: %s\n", env.DataDir)
	return withStore(ctx, env, func(s Store) error {
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "sémaverzió: %d\n", v)
		return nil
	})
}

func cmdBackup(ctx context.Context, s Store, args []string) error {
	if len(args) != 1 {
		return usageError("backup FÁJL: adja meg a mentés fájlját")
	}
	if err := s.Backup(ctx, args[0]); err != nil {
		return err
	}
	return nil
}
