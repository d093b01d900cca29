# The jailhouse command from shell scripts (TAP), on the fakes: every
# command and its errors (test-cli.sh), "cell linux" (test-cli-linux.sh),
# the man pages and the bash completion (test-docs.sh).
check_SCRIPTS += tests/cli/test-cli.sh tests/cli/test-cli-linux.sh \
	tests/cli/test-config-create.sh tests/cli/test-docs.sh
TESTS += tests/cli/test-cli.sh tests/cli/test-cli-linux.sh \
	tests/cli/test-config-create.sh tests/cli/test-docs.sh
EXTRA_DIST += tests/cli/test-cli.sh tests/cli/test-cli-linux.sh \
	tests/cli/test-config-create.sh tests/cli/test-docs.sh \
	tests/cli/test-config-create-boards.sh
# The man pages are generated; the docs test reads them.
check_DATA = $(man8_MANS) $(man5_MANS)
