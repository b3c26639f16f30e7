package nav_test

import (
	"os"
	"testing"

	"konnyuszamla/nav"
)

// TestMain gives the tests' builds a developer contact, as release builds
// get one from NAV_DEV_CONTACT; the fake NAV checks only that it is there.
func TestMain(m *testing.M) {
	nav.DevContact = "fejleszto@teszt.example"
	os.Exit(m.Run())
}
