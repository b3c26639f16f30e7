package nav

import "encoding/xml"

// The NAV Online Számla 3.0 namespaces (invoicing-hu.md B.2).
const (
	NSData   = "http://schemas.nav.gov.hu/OSA/3.0/data"
	NSBase   = "http://schemas.nav.gov.hu/OSA/3.0/base"
	NSCommon = "http://schemas.nav.gov.hu/NTCA/1.0/common"
	NSAPI    = "http://schemas.nav.gov.hu/OSA/3.0/api"
)

// The types below are the part of invoiceData.xsd the app fills in, in the
// schema's element order. They are only marshalled: elements of the base
// namespace carry the literal "base:" prefix declared on the root, which
// keeps the output readable and identical in shape to NAV's samples.

type xInvoiceData struct {
	XMLName               xml.Name     `xml:"InvoiceData"`
	XMLNS                 string       `xml:"xmlns,attr"`
	XMLNSCommon           string       `xml:"xmlns:common,attr"`
	XMLNSBase             string       `xml:"xmlns:base,attr"`
	InvoiceNumber         string       `xml:"invoiceNumber"`
	InvoiceIssueDate      string       `xml:"invoiceIssueDate"`
	CompletenessIndicator bool         `xml:"completenessIndicator"`
	Invoice               xInvoiceType `xml:"invoiceMain>invoice"`
}

type xInvoiceType struct {
	Reference *xInvoiceReference `xml:"invoiceReference,omitempty"`
	Head      xInvoiceHead       `xml:"invoiceHead"`
	Lines     xLines             `xml:"invoiceLines"`
	Summary   xSummary           `xml:"invoiceSummary"`
}

type xInvoiceReference struct {
	OriginalInvoiceNumber string `xml:"originalInvoiceNumber"`
	ModifyWithoutMaster   bool   `xml:"modifyWithoutMaster"`
	ModificationIndex     int    `xml:"modificationIndex"`
}

type xInvoiceHead struct {
	Supplier xSupplierInfo `xml:"supplierInfo"`
	Customer xCustomerInfo `xml:"customerInfo"`
	Detail   xDetail       `xml:"invoiceDetail"`
}

type xSupplierInfo struct {
	TaxNumber           xTaxNumber `xml:"supplierTaxNumber"`
	CommunityVatNumber  string     `xml:"communityVatNumber,omitempty"`
	Name                string     `xml:"supplierName"`
	Address             xAddress   `xml:"supplierAddress"`
	BankAccountNumber   string     `xml:"supplierBankAccountNumber,omitempty"`
	IndividualExemption bool       `xml:"individualExemption,omitempty"`
}

// xTaxNumber is base:TaxNumberType (and CustomerTaxNumberType, which only
// adds an optional group member number the app does not use).
type xTaxNumber struct {
	TaxpayerID string `xml:"base:taxpayerId"`
	VatCode    string `xml:"base:vatCode,omitempty"`
	CountyCode string `xml:"base:countyCode,omitempty"`
}

type xCustomerInfo struct {
	VatStatus string        `xml:"customerVatStatus"`
	VatData   *xCustomerVat `xml:"customerVatData,omitempty"`
	Name      string        `xml:"customerName,omitempty"`
	Address   *xAddress     `xml:"customerAddress,omitempty"`
}

// xCustomerVat is the choice of CustomerVatDataType: exactly one is set.
type xCustomerVat struct {
	TaxNumber          *xTaxNumber `xml:"customerTaxNumber,omitempty"`
	CommunityVatNumber string      `xml:"communityVatNumber,omitempty"`
	ThirdStateTaxID    string      `xml:"thirdStateTaxId,omitempty"`
}

// xAddress is base:AddressType with its simpleAddress choice: the app keeps
// the street, number and the rest in one field.
type xAddress struct {
	CountryCode string `xml:"base:simpleAddress>base:countryCode"`
	PostalCode  string `xml:"base:simpleAddress>base:postalCode"`
	City        string `xml:"base:simpleAddress>base:city"`
	Detail      string `xml:"base:simpleAddress>base:additionalAddressDetail"`
}

type xDetail struct {
	Category          string `xml:"invoiceCategory"`
	DeliveryDate      string `xml:"invoiceDeliveryDate"`
	CurrencyCode      string `xml:"currencyCode"`
	ExchangeRate      string `xml:"exchangeRate"`
	PaymentMethod     string `xml:"paymentMethod,omitempty"`
	PaymentDate       string `xml:"paymentDate,omitempty"`
	CashAccounting    bool   `xml:"cashAccountingIndicator,omitempty"`
	InvoiceAppearance string `xml:"invoiceAppearance"`
}

type xLines struct {
	MergedItemIndicator bool    `xml:"mergedItemIndicator"`
	Lines               []xLine `xml:"line"`
}

type xLine struct {
	Number           int                `xml:"lineNumber"`
	ModReference     *xLineModReference `xml:"lineModificationReference,omitempty"`
	Expression       bool               `xml:"lineExpressionIndicator"`
	Description      string             `xml:"lineDescription"`
	Quantity         string             `xml:"quantity"`
	UnitOfMeasure    string             `xml:"unitOfMeasure"`
	UnitOfMeasureOwn string             `xml:"unitOfMeasureOwn,omitempty"`
	UnitPrice        string             `xml:"unitPrice"`
	UnitPriceHUF     string             `xml:"unitPriceHUF"`
	Amounts          xLineAmounts       `xml:"lineAmountsNormal"`
}

type xLineModReference struct {
	LineNumberReference int    `xml:"lineNumberReference"`
	LineOperation       string `xml:"lineOperation"`
}

type xLineAmounts struct {
	Net      string    `xml:"lineNetAmountData>lineNetAmount"`
	NetHUF   string    `xml:"lineNetAmountData>lineNetAmountHUF"`
	VatRate  xVatRate  `xml:"lineVatRate"`
	Vat      *xLineVat `xml:"lineVatData,omitempty"`
	Gross    string    `xml:"lineGrossAmountData>lineGrossAmountNormal"`
	GrossHUF string    `xml:"lineGrossAmountData>lineGrossAmountNormalHUF"`
}

type xLineVat struct {
	Amount    string `xml:"lineVatAmount"`
	AmountHUF string `xml:"lineVatAmountHUF"`
}

// xVatRate is the choice of VatRateType: exactly one field is set.
type xVatRate struct {
	Percentage        string   `xml:"vatPercentage,omitempty"`
	Exemption         *xReason `xml:"vatExemption,omitempty"`
	OutOfScope        *xReason `xml:"vatOutOfScope,omitempty"`
	DomesticReverseCh bool     `xml:"vatDomesticReverseCharge,omitempty"`
}

type xReason struct {
	Case   string `xml:"case"`
	Reason string `xml:"reason"`
}

type xSummary struct {
	ByVatRate []xSummaryByVatRate `xml:"summaryNormal>summaryByVatRate"`
	Net       string              `xml:"summaryNormal>invoiceNetAmount"`
	NetHUF    string              `xml:"summaryNormal>invoiceNetAmountHUF"`
	Vat       string              `xml:"summaryNormal>invoiceVatAmount"`
	VatHUF    string              `xml:"summaryNormal>invoiceVatAmountHUF"`
	Gross     string              `xml:"summaryGrossData>invoiceGrossAmount"`
	GrossHUF  string              `xml:"summaryGrossData>invoiceGrossAmountHUF"`
}

type xSummaryByVatRate struct {
	VatRate  xVatRate `xml:"vatRate"`
	Net      string   `xml:"vatRateNetData>vatRateNetAmount"`
	NetHUF   string   `xml:"vatRateNetData>vatRateNetAmountHUF"`
	Vat      string   `xml:"vatRateVatData>vatRateVatAmount"`
	VatHUF   string   `xml:"vatRateVatData>vatRateVatAmountHUF"`
	Gross    string   `xml:"vatRateGrossData>vatRateGrossAmount"`
	GrossHUF string   `xml:"vatRateGrossData>vatRateGrossAmountHUF"`
}
