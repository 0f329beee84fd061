/*
 * baselines.c — what the host itself charges for the operations pwk's
 * benchmarks stand for, measured in the same run as them:
 *   syscall      one raw system call (getppid through syscall(2))
 *   swapcontext  a glibc swapcontext pair (there and back: a user-level
 *                switch with a signal-mask syscall each way)
 *   semaphore    a round trip between two threads of one process through
 *                two POSIX semaphores (two kernel-mediated handoffs)
 *   pipe         a 1-byte round trip between two processes over two pipes
 * each pinned to one CPU (sched_setaffinity, inherited by the thread and
 * the child) and unpinned (the CPUs this program was given), printed as
 *   NAME pinned|unpinned ns_per_iteration
 * usage: bench-baselines ITERATIONS [CPU]
 */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double raw_syscall(unsigned n)
{
	double t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		(void)syscall(SYS_getppid);
	}
	return (now_ns() - t0) / n;
}

static ucontext_t main_ctx, co_ctx;

static void co_body(void)
{
	for (;;) {
		swapcontext(&co_ctx, &main_ctx);
	}
}

static double swapcontext_pair(unsigned n)
{
	static char stack[64 * 1024];
	getcontext(&co_ctx);
	co_ctx.uc_stack.ss_sp = stack;
	co_ctx.uc_stack.ss_size = sizeof(stack);
	co_ctx.uc_link = NULL;
	makecontext(&co_ctx, co_body, 0);
	double t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		swapcontext(&main_ctx, &co_ctx);
	}
	return (now_ns() - t0) / n;
}

struct sem_pair {
	sem_t ping, pong;
	unsigned n;
};

static void *sem_partner(void *arg)
{
	struct sem_pair *p = arg;
	for (unsigned i = 0; i < p->n; i++) {
		sem_wait(&p->ping);
		sem_post(&p->pong);
	}
	return NULL;
}

static double semaphore_handoff(unsigned n)
{
	struct sem_pair p = {.n = n};
	sem_init(&p.ping, 0, 0);
	sem_init(&p.pong, 0, 0);
	pthread_t t;
	if (pthread_create(&t, NULL, sem_partner, &p) != 0) {
		return -1;
	}
	double t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		sem_post(&p.ping);
		sem_wait(&p.pong);
	}
	double per = (now_ns() - t0) / n;
	pthread_join(t, NULL);
	sem_destroy(&p.ping);
	sem_destroy(&p.pong);
	return per;
}

static double pipe_ping_pong(unsigned n)
{
	int ping[2], pong[2];
	if (pipe(ping) != 0 || pipe(pong) != 0) {
		return -1;
	}
	char b = 0;
	pid_t pid = fork();
	if (pid == 0) {
		for (unsigned i = 0; i < n; i++) {
			if (read(ping[0], &b, 1) != 1 || write(pong[1], &b, 1) != 1) {
				_exit(1);
			}
		}
		_exit(0);
	}
	double t0 = now_ns();
	for (unsigned i = 0; i < n; i++) {
		if (write(ping[1], &b, 1) != 1 || read(pong[0], &b, 1) != 1) {
			break;
		}
	}
	double per = (now_ns() - t0) / n;
	waitpid(pid, NULL, 0);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	return per;
}

static void run_all(unsigned n, const char *label)
{
	printf("syscall %s %.1f\n", label, raw_syscall(n));
	printf("swapcontext %s %.1f\n", label, swapcontext_pair(n));
	printf("semaphore %s %.1f\n", label, semaphore_handoff(n));
	printf("pipe %s %.1f\n", label, pipe_ping_pong(n));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	if (argc < 2 || atoi(argv[1]) <= 0) {
		fprintf(stderr, "usage: bench-baselines ITERATIONS [CPU]\n");
		return 2;
	}
	unsigned n = (unsigned)atoi(argv[1]);
	cpu_set_t given;
	if (sched_getaffinity(0, sizeof(given), &given) != 0) {
		perror("sched_getaffinity");
		return 1;
	}
	run_all(n, "unpinned");
	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(argc > 2 ? atoi(argv[2]) : 0, &one);
	if (sched_setaffinity(0, sizeof(one), &one) != 0) {
		perror("sched_setaffinity");
		return 1;
	}
	run_all(n, "pinned");
	return sched_setaffinity(0, sizeof(given), &given) == 0 ? 0 : 1;
}
