package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"konnyuszamla/domain"
)

var _ domain.SubscriptionStore = (*DB)(nil)

// SubscriptionService returns the subscription service over this
// database: its own account service and the database's clock.
func (db *DB) SubscriptionService() *domain.SubscriptionService {
	return &domain.SubscriptionService{Store: db, Accounts: db.AccountService(), Now: func() time.Time { return db.Now() }}
}

// Subscriptions implements domain.SubscriptionStore.
func (db *DB) Subscriptions(ctx context.Context) ([]domain.Subscription, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT plan, state, since FROM subscriptions ORDER BY plan`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	var out []domain.Subscription
	for rows.Next() {
		var (
			s           domain.Subscription
			plan, since string
			state       string
		)
		if err := rows.Scan(&plan, &state, &since); err != nil {
			return nil, fmt.Errorf("read subscription: %w", err)
		}
		s.Plan, s.State = domain.PlanID(plan), domain.SubscriptionState(state)
		if s.Since, err = acctParseTime(since); err != nil {
			return nil, fmt.Errorf("read subscription %s: %w", plan, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SaveSubscription implements domain.SubscriptionStore. The state check and
// the write share one transaction, which takes the write lock at BEGIN, so
// of two racing activations (GUI and command line) exactly one wins.
func (db *DB) SaveSubscription(ctx context.Context, prev, next domain.Subscription, msg *domain.Message) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		var current string
		err := tx.QueryRowContext(ctx, `SELECT state FROM subscriptions WHERE plan = ?`, string(next.Plan)).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			current = string(domain.StateNone)
		} else if err != nil {
			return fmt.Errorf("read subscription %s: %w", next.Plan, err)
		}
		if domain.SubscriptionState(current) != prev.State {
			return domain.Errorf(domain.EConflict, "Az előfizetés állapota közben megváltozott (például egy másik ablakban vagy parancssorból). Nézze meg újra az Előfizetések lapon.")
		}
		now := formatTime(db.Now())
		if _, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (plan, state, since, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (plan) DO UPDATE SET state = excluded.state, since = excluded.since, updated_at = excluded.updated_at`,
			string(next.Plan), string(next.State), optionalTime(next.Since), now); err != nil {
			return fmt.Errorf("save subscription %s: %w", next.Plan, err)
		}
		if msg == nil {
			return nil
		}
		id, err := msgInsert(ctx, tx, msg)
		if err != nil {
			return err
		}
		msg.ID = id
		return nil
	})
}
