// Package ui is the Fyne desktop interface: the main window's tabs, forms
// and dialogs. It talks to the rest of the app only through the domain
// interfaces that main.go hands it; it never imports storage or crm.
package ui
