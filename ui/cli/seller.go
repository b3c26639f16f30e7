package cli

import (
	"context"
	"fmt"
)

func seller(ctx context.Context, env Env, s Store, sub string, args []string) error {
	if sub != "set" || len(args) > 0 {
		return usageError("seller set: a saját cég adatait JSON-ban a szabványos bemeneten várja")
	}
	current, err := s.Seller(ctx)
	if err != nil {
		return err
	}
	// Decoding into the stored profile replaces exactly the fields given.
	if err := decodeJSON(env.Stdin, current); err != nil {
		return err
	}
	if err := s.SaveSeller(ctx, current); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "A saját cégadatok mentve.")
	return nil
}
