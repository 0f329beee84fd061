/* sweep.c — being written (see sweep.h). */
#include <stdio.h>

#include "sweep.h"

int pwsim_cmd_sweep(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "pwsim: sweep is not available in this build yet\n");
	return 2;
}
