package domain

// Sentences of the issue dialog about the document's MiniCRM upload.
const (
	UploadNoticeDemo = "Demó MiniCRM rendszer: a bizonylat nem kerül fel a MiniCRM-be."
	UploadNoticeSent = "A bizonylat a MiniCRM-be is felkerül."
)

// UploadOnIssue is what issuing a document for customer c does in MiniCRM,
// as the issuing transaction decides it: nothing for a customer not linked
// to MiniCRM or without a configured system; on a demo system it is never
// sent (UploadDemo); otherwise it is queued (UploadPending) while the
// MiniCRM add-on is active.
func UploadOnIssue(c *Customer, s MiniCRMSettings, active bool) UploadState {
	switch {
	case c == nil || c.MiniCRMID <= 0 || !s.Configured():
		return UploadNone
	case s.Demo:
		return UploadDemo
	case !active:
		return UploadNone
	}
	return UploadPending
}

// UploadIssueNotice is the sentence the issue dialog adds for the state
// UploadOnIssue gives ("" for none).
func UploadIssueNotice(st UploadState) string {
	switch st {
	case UploadDemo:
		return UploadNoticeDemo
	case UploadPending:
		return UploadNoticeSent
	}
	return ""
}
