package domain

import "time"

// SyncRequestRate is MiniCRM's limit: 60 requests in any minute. The
// estimate of the time left never assumes more.
const SyncRequestRate = 60

// Typical requests per item, used until the run has measured its own.
const (
	fetchRequestsPerItem = 3.0 // detail, address list, one address
	pushRequestsPerItem  = 6.0 // three searches, contact, address, card
)

// etaMeter estimates the time left of a phase from the requests it still
// needs. Two bounds, the larger wins: the rate limit (after the first
// minute's burst, one request a second) and the pace measured so far.
type etaMeter struct {
	remote   SyncRemote
	start    time.Time
	startReq int
	perItem  float64
}

func newETAMeter(r SyncRemote, perItem float64) *etaMeter {
	return &etaMeter{remote: r, start: r.Now(), startReq: r.Requests(), perItem: perItem}
}

// remaining estimates the time for total-done more items.
func (m *etaMeter) remaining(done, total int) time.Duration {
	left := total - done
	if left <= 0 {
		return 0
	}
	made := m.remote.Requests() - m.startReq
	per := m.perItem
	if done > 0 && made > 0 {
		per = float64(made) / float64(done)
	}
	reqLeft := per * float64(left)
	elapsed := m.remote.Now().Sub(m.start)
	// Within the first minute the limiter lets the rest of the minute's
	// budget through at once.
	credit := 0.0
	if elapsed < time.Minute {
		credit = max(0, float64(SyncRequestRate-made))
	}
	rateBound := time.Duration(max(0, reqLeft-credit) * float64(time.Minute) / SyncRequestRate)
	if made >= 10 {
		pace := time.Duration(float64(elapsed) / float64(made) * reqLeft)
		return max(rateBound, pace)
	}
	return rateBound
}

// report sends one progress report.
func (m *etaMeter) report(progress func(SyncProgress), phase SyncPhase, done, total int, item string) {
	progress(SyncProgress{Phase: phase, Done: done, Total: total, Requests: m.remote.Requests(),
		Remaining: m.remaining(done, total), Item: item})
}

// FormatRemaining writes an estimate for the progress dialog: "kb. 12 perc",
// "kb. 40 másodperc", "kb. 1 óra 5 perc".
func FormatRemaining(d time.Duration) string {
	switch {
	case d <= 0:
		return ""
	case d < time.Minute:
		s := int((d + time.Second - 1) / time.Second)
		return "kb. " + itoa(s) + " másodperc"
	case d < time.Hour:
		return "kb. " + itoa(int((d+30*time.Second)/time.Minute)) + " perc"
	}
	h := int(d / time.Hour)
	m := int((d - time.Duration(h)*time.Hour + 30*time.Second) / time.Minute)
	if m == 60 {
		h, m = h+1, 0
	}
	if m == 0 {
		return "kb. " + itoa(h) + " óra"
	}
	return "kb. " + itoa(h) + " óra " + itoa(m) + " perc"
}
