package domain

import (
	"context"
	"errors"
)

// Errors every SyncRemote error matches, besides the specific ones.
var (
	// ErrRemote marks every error that comes from MiniCRM (or the way to it).
	ErrRemote = errors.New("minicrm")
	// ErrRemoteUnavailable: MiniCRM cannot be reached now (network, 5xx,
	// a rate limit that did not end); the run stops and can continue later.
	ErrRemoteUnavailable = errors.New("minicrm: unavailable")
)

// The sentences a stopped run tells the user.
const (
	msgUnavailable = "A MiniCRM nem érhető el — a szinkronizálás később folytatható; az eddig elvégzett munka megmaradt."
	msgResumable   = "A szinkronizálás később folytatható; az eddig elvégzett munka megmaradt."
	msgCancelled   = "A szinkronizálás megszakadt. Az eddig letöltött és mentett adatok megmaradtak; a következő szinkronizálás innen folytatja."
)

// userError turns the error that stopped a run into a *Error whose message
// is a sentence for the user.
func (sess *syncSession) userError(err error) error {
	var de *Error
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: EUnavailable, Message: msgCancelled, Err: err}
	case errors.As(err, &de):
		return err
	case errors.Is(err, ErrRemoteUnavailable):
		return &Error{Code: EUnavailable, Message: msgUnavailable + " (" + sess.remote.Explain(err) + ")", Err: err}
	case errors.Is(err, ErrRemote):
		return &Error{Code: EUnavailable, Message: sess.remote.Explain(err) + " " + msgResumable, Err: err}
	}
	return err
}

// fail records the error that stopped the run in the report and the log.
func (sess *syncSession) fail(err error, rep *SyncReport) {
	status := StatusFailed
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		status = StatusCancelled
		rep.Cancelled = true
	}
	rep.Errors = append(rep.Errors, ErrorMessage(sess.userError(err)))
	rep.Requests = sess.remote.Requests()
	sess.finishLog(status, *rep)
}

// finishLog closes the run's log line. A failure to write the log is not
// worth failing the run for; the line then stays "running".
func (sess *syncSession) finishLog(status SyncStatus, rep SyncReport) {
	rep.Finished = sess.remote.Now()
	if rep.Started.IsZero() {
		rep.Started = sess.start
	}
	if rep.Requests == 0 {
		rep.Requests = sess.remote.Requests()
	}
	sess.log.Status = status
	sess.log.Report = rep
	_ = sess.svc.Store.UpdateSyncLog(context.Background(), sess.log)
}

// remoteFatal reports whether err stops the run (anything from MiniCRM
// other than a per-record failure).
func remoteFatal(err error) bool {
	return !errors.Is(err, ErrRemoteOutcomeUnknown) && !errors.Is(err, ErrRemoteRejected) && !errors.Is(err, ErrRemoteNotFound)
}
