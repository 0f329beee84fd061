# Turns ninja's "[N/M] what" lines into a progress report on stderr, so a
# first build of a few minutes is not mistaken for a hang: with tty=1 one
# line rewritten in place, else one line per tenth of the build (for logs).
# Builds of fewer than 20 steps say nothing. Variables: tty, dir.
/^\[[0-9]+\/[0-9]+\]/ {
	split(substr($1, 2), nm, "/")
	n = nm[1] + 0
	m = nm[2] + 0
	if (m < 20)
		next
	started = 1
	if (tty) {
		printf "\rpwk: building %s/: %d/%d", dir, n, m > "/dev/stderr"
	} else if (n * 10 >= (shown + 1) * m) {
		shown = int(n * 10 / m)
		printf "pwk: building %s/: %d/%d\n", dir, n, m > "/dev/stderr"
	}
}
END {
	if (tty && started)
		printf "\n" > "/dev/stderr"
}
