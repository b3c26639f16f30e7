package navtest

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"net/http"
	"time"

	"konnyuszamla/nav"
)

const stamp = "2006-01-02T15:04:05.000Z"

// checkAuth verifies the header and user block as NAV does and returns the
// refusal to send, or nil.
func (s *Server) checkAuth(op string, req *nav.BasicRequest, ops []nav.OperationData) (*nav.GeneralErrorResponse, int) {
	s.mu.Lock()
	s.requests = append(s.requests, op+" "+req.Header.RequestID)
	var forced string
	if f := s.fail[op]; len(f) > 0 {
		forced, s.fail[op] = f[0], f[1:]
	}
	s.mu.Unlock()
	ts, err := time.Parse(stamp, req.Header.Timestamp)
	u := req.User
	switch {
	case forced != "":
		return s.refuse(req, forced, "a teszt kérésére elutasítva"), http.StatusInternalServerError
	case err != nil || req.Header.RequestVersion != "3.0":
		return s.refuse(req, "INVALID_REQUEST", "hibás fejléc"), http.StatusBadRequest
	case u.Login != Login || u.TaxNumber != TaxpayerID || u.PasswordHash.CryptoType != "SHA-512" ||
		u.PasswordHash.Value != nav.PasswordHash(Password):
		return s.refuse(req, "INVALID_SECURITY_USER", "Helytelen authentikációs adatok!"), http.StatusUnauthorized
	case u.RequestSignature.CryptoType != "SHA3-512" ||
		u.RequestSignature.Value != nav.RequestSignature(req.Header.RequestID, ts, SignKey, ops):
		return s.refuse(req, "INVALID_REQUEST_SIGNATURE", "Helytelen kérés aláírás!"), http.StatusBadRequest
	}
	return nil, http.StatusOK
}

func (s *Server) refuse(req *nav.BasicRequest, code, msg string) *nav.GeneralErrorResponse {
	r := &nav.GeneralErrorResponse{BasicResponse: s.basic(req, "ERROR")}
	r.Result.ErrorCode, r.Result.Message = code, msg
	return r
}

func (s *Server) basic(req *nav.BasicRequest, funcCode string) nav.BasicResponse {
	return nav.BasicResponse{
		Header:   nav.Header{RequestID: req.Header.RequestID, Timestamp: s.Now().UTC().Format(stamp), RequestVersion: "3.0", HeaderVersion: "1.0"},
		Result:   nav.Result{FuncCode: funcCode},
		Software: req.Software,
	}
}

func (s *Server) tokenExchange(body []byte) (any, int) {
	var req nav.TokenExchangeRequest
	if err := xml.Unmarshal(body, &req); err != nil {
		return s.refuse(&req.BasicRequest, "INVALID_REQUEST", err.Error()), http.StatusBadRequest
	}
	if e, status := s.checkAuth("tokenExchange", &req.BasicRequest, nil); e != nil {
		return e, status
	}
	now := s.Now()
	s.mu.Lock()
	s.seq++
	token := fmt.Sprintf("token-%04d-%d", s.seq, now.UnixNano())
	s.tokens[token] = now.Add(5 * time.Minute)
	s.mu.Unlock()
	enc, err := nav.EncryptExchangeToken(token, ExchangeKey)
	if err != nil {
		panic(err)
	}
	return &nav.TokenExchangeResponse{BasicResponse: s.basic(&req.BasicRequest, "OK"), EncodedExchangeToken: enc,
		TokenValidityFrom: now.UTC().Format(stamp), TokenValidityTo: now.Add(5 * time.Minute).UTC().Format(stamp)}, http.StatusOK
}

// invoiceHead is what the fake reads from an invoice's data.
type invoiceHead struct {
	Number    string `xml:"invoiceNumber"`
	Reference *struct {
		Original      string `xml:"originalInvoiceNumber"`
		WithoutMaster bool   `xml:"modifyWithoutMaster"`
	} `xml:"invoiceMain>invoice>invoiceReference"`
}

func (s *Server) manageInvoice(body []byte) (any, int) {
	var req nav.ManageInvoiceRequest
	if err := xml.Unmarshal(body, &req); err != nil {
		return s.refuse(&req.BasicRequest, "INVALID_REQUEST", err.Error()), http.StatusBadRequest
	}
	ops := make([]nav.OperationData, len(req.Operations))
	for i, o := range req.Operations {
		ops[i] = nav.OperationData{Operation: nav.Operation(o.Operation), Base64Data: o.InvoiceData}
	}
	if e, status := s.checkAuth("manageInvoice", &req.BasicRequest, ops); e != nil {
		return e, status
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if exp, ok := s.tokens[req.ExchangeToken]; !ok || s.Now().After(exp) || len(ops) == 0 || len(ops) > nav.MaxBatch {
		return s.refuse(&req.BasicRequest, "INVALID_EXCHANGE_TOKEN", "érvénytelen token"), http.StatusBadRequest
	}
	delete(s.tokens, req.ExchangeToken) // a token is good for one request
	s.seq++
	tx := &transaction{id: fmt.Sprintf("4%014dT", s.seq), ins: s.Now()}
	for i, o := range req.Operations {
		data, err := base64.StdEncoding.DecodeString(o.InvoiceData)
		it := &item{op: o.Operation, data: data, final: "DONE"}
		var head invoiceHead
		if err == nil {
			err = xml.Unmarshal(data, &head)
		}
		it.number = head.Number
		switch {
		case err != nil || o.Index != i+1:
			it.abort("SCHEMA_VIOLATION", "az adat nem olvasható")
		case s.numbers[head.Number]:
			it.abort("INVOICE_NUMBER_NOT_UNIQUE", "A megadott számlaszám már korábban felhasználásra került.")
		case o.Operation == "STORNO" && (head.Reference == nil ||
			(!head.Reference.WithoutMaster && !s.numbers[head.Reference.Original])):
			it.abort("INVALID_INVOICE_REFERENCE", "A módosítás olyan számlára hivatkozik, amelyről nem történt adatszolgáltatás.")
		}
		if it.final == "DONE" && s.Decide != nil {
			for _, m := range s.Decide(head.Number, o.Operation, data) {
				it.messages = append(it.messages, m)
				if m.ResultCode == "ERROR" {
					it.final = "ABORTED"
				}
			}
		}
		if it.final == "DONE" {
			s.numbers[head.Number] = true
		}
		tx.items = append(tx.items, it)
	}
	s.txs = append(s.txs, tx)
	s.byID[tx.id] = tx
	return &nav.ManageInvoiceResponse{BasicResponse: s.basic(&req.BasicRequest, "OK"), TransactionID: tx.id}, http.StatusOK
}

func (it *item) abort(code, msg string) {
	it.final = "ABORTED"
	it.messages = append(it.messages, nav.BusinessMessage{ResultCode: "ERROR", ErrorCode: code, Message: msg})
}

func (s *Server) queryStatus(body []byte) (any, int) {
	var req nav.QueryTransactionStatusRequest
	if err := xml.Unmarshal(body, &req); err != nil {
		return s.refuse(&req.BasicRequest, "INVALID_REQUEST", err.Error()), http.StatusBadRequest
	}
	if e, status := s.checkAuth("queryTransactionStatus", &req.BasicRequest, nil); e != nil {
		return e, status
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	resp := &nav.QueryTransactionStatusResponse{BasicResponse: s.basic(&req.BasicRequest, "OK")}
	tx := s.byID[req.TransactionID]
	if tx == nil {
		return resp, http.StatusOK // NAV answers an unknown id with no results
	}
	tx.polled++
	resp.OriginalVersion = "3.0"
	for i, it := range tx.items {
		r := nav.ProcessingResult{Index: i + 1, InvoiceStatus: "PROCESSING"}
		if tx.polled > s.PollsToFinal {
			r.InvoiceStatus, r.BusinessMessages = it.final, it.messages
		}
		if req.ReturnOriginalRequest {
			r.OriginalRequest = base64.StdEncoding.EncodeToString(it.data)
		}
		resp.Results = append(resp.Results, r)
	}
	return resp, http.StatusOK
}

func (s *Server) queryList(body []byte) (any, int) {
	var req nav.QueryTransactionListRequest
	if err := xml.Unmarshal(body, &req); err != nil {
		return s.refuse(&req.BasicRequest, "INVALID_REQUEST", err.Error()), http.StatusBadRequest
	}
	if e, status := s.checkAuth("queryTransactionList", &req.BasicRequest, nil); e != nil {
		return e, status
	}
	from, err1 := time.Parse(stamp, req.DateTimeFrom)
	to, err2 := time.Parse(stamp, req.DateTimeTo)
	if err1 != nil || err2 != nil || to.Before(from) || req.Page < 1 {
		return s.refuse(&req.BasicRequest, "INVALID_REQUEST", "hibás időszak"), http.StatusBadRequest
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []nav.Transaction
	for _, tx := range s.txs {
		if tx.ins.Before(from) || tx.ins.After(to) {
			continue
		}
		match = append(match, nav.Transaction{InsDate: tx.ins.UTC().Format(stamp), InsCusUser: Login, Source: "XML",
			TransactionID: tx.id, RequestStatus: "FINISHED", OriginalVersion: "3.0", ItemCount: len(tx.items)})
	}
	pages := (len(match) + s.PageSize - 1) / s.PageSize
	resp := &nav.QueryTransactionListResponse{BasicResponse: s.basic(&req.BasicRequest, "OK"), CurrentPage: req.Page, AvailablePage: pages}
	if start := (req.Page - 1) * s.PageSize; start < len(match) {
		resp.Transactions = match[start:min(start+s.PageSize, len(match))]
	}
	return resp, http.StatusOK
}
