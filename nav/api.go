package nav

import "encoding/xml"

// The request and response documents of the four operations the app uses
// (invoiceApi.xsd), shared by Client and the fake server in navtest.
// Elements carry a namespace only where it changes: the children inherit
// it as the default namespace, which is what elementFormDefault="qualified"
// asks for. Decoding matches children by local name.

// Header is common:header (BasicHeaderType).
type Header struct {
	RequestID      string `xml:"requestId"`
	Timestamp      string `xml:"timestamp"`
	RequestVersion string `xml:"requestVersion"`
	HeaderVersion  string `xml:"headerVersion,omitempty"`
}

// Crypto is common:CryptoType: a hash with its algorithm.
type Crypto struct {
	Value      string `xml:",chardata"`
	CryptoType string `xml:"cryptoType,attr"`
}

// User is common:user (UserHeaderType).
type User struct {
	Login            string `xml:"login"`
	PasswordHash     Crypto `xml:"passwordHash"`
	TaxNumber        string `xml:"taxNumber"`
	RequestSignature Crypto `xml:"requestSignature"`
}

// Software is the software block (SoftwareType) of every request.
type Software struct {
	ID           string `xml:"softwareId"`
	Name         string `xml:"softwareName"`
	Operation    string `xml:"softwareOperation"`
	MainVersion  string `xml:"softwareMainVersion"`
	DevName      string `xml:"softwareDevName"`
	DevContact   string `xml:"softwareDevContact"`
	DevCountry   string `xml:"softwareDevCountryCode,omitempty"`
	DevTaxNumber string `xml:"softwareDevTaxNumber,omitempty"`
}

// BasicRequest is the common part of every request.
type BasicRequest struct {
	Header   Header   `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common header"`
	User     User     `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common user"`
	Software Software `xml:"software"`
}

// Result is common:result (BasicResultType).
type Result struct {
	FuncCode  string `xml:"funcCode"`
	ErrorCode string `xml:"errorCode,omitempty"`
	Message   string `xml:"message,omitempty"`
}

// BasicResponse is the common part of every response.
type BasicResponse struct {
	Header   Header   `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common header"`
	Result   Result   `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common result"`
	Software Software `xml:"software"`
}

// TokenExchangeRequest asks for an exchange token.
type TokenExchangeRequest struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api TokenExchangeRequest"`
	BasicRequest
}

// TokenExchangeResponse carries the encrypted token.
type TokenExchangeResponse struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api TokenExchangeResponse"`
	BasicResponse
	EncodedExchangeToken string `xml:"encodedExchangeToken"`
	TokenValidityFrom    string `xml:"tokenValidityFrom"`
	TokenValidityTo      string `xml:"tokenValidityTo"`
}

// InvoiceOperation is one invoice of a manageInvoice request.
type InvoiceOperation struct {
	Index       int    `xml:"index"`
	Operation   string `xml:"invoiceOperation"`
	InvoiceData string `xml:"invoiceData"` // base64
}

// ManageInvoiceRequest reports up to 100 invoices.
type ManageInvoiceRequest struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api ManageInvoiceRequest"`
	BasicRequest
	ExchangeToken     string             `xml:"exchangeToken"`
	CompressedContent bool               `xml:"invoiceOperations>compressedContent"`
	Operations        []InvoiceOperation `xml:"invoiceOperations>invoiceOperation"`
}

// ManageInvoiceResponse returns the transaction id.
type ManageInvoiceResponse struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api ManageInvoiceResponse"`
	BasicResponse
	TransactionID string `xml:"transactionId"`
}

// QueryTransactionStatusRequest asks for the processing results.
type QueryTransactionStatusRequest struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api QueryTransactionStatusRequest"`
	BasicRequest
	TransactionID         string `xml:"transactionId"`
	ReturnOriginalRequest bool   `xml:"returnOriginalRequest,omitempty"`
}

// TechnicalMessage is common:TechnicalValidationResultType; its children
// are in the common namespace wherever the element stands.
type TechnicalMessage struct {
	ResultCode string `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common validationResultCode"`
	ErrorCode  string `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common validationErrorCode,omitempty"`
	Message    string `xml:"http://schemas.nav.gov.hu/NTCA/1.0/common message,omitempty"`
}

// BusinessMessage is BusinessValidationResultType.
type BusinessMessage struct {
	ResultCode string   `xml:"validationResultCode"`
	ErrorCode  string   `xml:"validationErrorCode,omitempty"`
	Message    string   `xml:"message,omitempty"`
	Pointer    *Pointer `xml:"pointer,omitempty"`
}

// Pointer locates a business message in the invoice.
type Pointer struct {
	Tag  string `xml:"tag,omitempty"`
	Line int    `xml:"line,omitempty"`
}

// ProcessingResult is the state of one invoice of a transaction.
type ProcessingResult struct {
	Index                      int                `xml:"index"`
	InvoiceStatus              string             `xml:"invoiceStatus"`
	TechnicalMessages          []TechnicalMessage `xml:"technicalValidationMessages"`
	BusinessMessages           []BusinessMessage  `xml:"businessValidationMessages"`
	CompressedContentIndicator bool               `xml:"compressedContentIndicator"`
	OriginalRequest            string             `xml:"originalRequest,omitempty"` // base64
}

// QueryTransactionStatusResponse lists the processing results.
type QueryTransactionStatusResponse struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api QueryTransactionStatusResponse"`
	BasicResponse
	Results         []ProcessingResult `xml:"processingResults>processingResult"`
	OriginalVersion string             `xml:"processingResults>originalRequestVersion,omitempty"`
}

// QueryTransactionListRequest lists the transactions of a time interval.
type QueryTransactionListRequest struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api QueryTransactionListRequest"`
	BasicRequest
	Page         int    `xml:"page"`
	DateTimeFrom string `xml:"insDate>dateTimeFrom"`
	DateTimeTo   string `xml:"insDate>dateTimeTo"`
}

// Transaction is one item of a transaction list.
type Transaction struct {
	InsDate            string `xml:"insDate"`
	InsCusUser         string `xml:"insCusUser"`
	Source             string `xml:"source"`
	TransactionID      string `xml:"transactionId"`
	RequestStatus      string `xml:"requestStatus"`
	TechnicalAnnulment bool   `xml:"technicalAnnulment"`
	OriginalVersion    string `xml:"originalRequestVersion"`
	ItemCount          int    `xml:"itemCount"`
}

// QueryTransactionListResponse is one page of transactions.
type QueryTransactionListResponse struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api QueryTransactionListResponse"`
	BasicResponse
	CurrentPage   int           `xml:"transactionListResult>currentPage"`
	AvailablePage int           `xml:"transactionListResult>availablePage"`
	Transactions  []Transaction `xml:"transactionListResult>transaction"`
}

// GeneralErrorResponse is NAV's answer to a request it refused as a whole.
type GeneralErrorResponse struct {
	XMLName xml.Name `xml:"http://schemas.nav.gov.hu/OSA/3.0/api GeneralErrorResponse"`
	BasicResponse
	TechnicalMessages []TechnicalMessage `xml:"technicalValidationMessages"`
}
