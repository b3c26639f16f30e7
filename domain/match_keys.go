package domain

// matchKeys are the hash keys of one customer, one per cascade step.
// The keys leave the postal code and the Budapest district out (either may
// be missing on one side); candidates found by a key are then filtered with
// samePlace, which compares them when both sides have them.
type matchKeys struct {
	bill, mail, addr string
	taxpayer         string
	billAt, mailAt   place
}

func keysOf(c *Customer) matchKeys {
	k := matchKeys{taxpayer: TaxpayerKey(c.TaxNumber, c.EUVATNumber)}
	name := NormalizeName(c.Name)
	kind := c.Kind
	if kind == "" {
		kind = KindCompany
	}
	if !c.BillingAddress.IsZero() {
		city, street := NormalizeCity(c.BillingAddress.City), NormalizeStreet(c.BillingAddress.Street)
		if city != "" && street != "" {
			k.billAt = placeOf(c.BillingAddress)
			// Step 4 compares only the address, so a private person never
			// matches a company at the same address.
			k.addr = string(kind) + "\x00" + city + "\x00" + street
			if name != "" {
				k.bill = name + "\x00" + city + "\x00" + street
			}
		}
	}
	if m := c.MailingAddress; m != nil && !m.IsZero() && name != "" {
		city, street := NormalizeCity(m.City), NormalizeStreet(m.Street)
		if city != "" && street != "" {
			k.mailAt = placeOf(*m)
			k.mail = name + "\x00" + city + "\x00" + street
		}
	}
	return k
}

func billPlace(k matchKeys) place { return k.billAt }
func mailPlace(k matchKeys) place { return k.mailAt }
