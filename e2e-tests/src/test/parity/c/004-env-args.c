/* Arguments and environment: argv as given (unicode, empty, spaces), the (empty) environ, setenv/getenv/unsetenv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
    int count = 0;
    for (char **e = environ; e && *e; e++) printf("env: %s\n", *e), count++;
    printf("environment entries: %d\n", count);
    printf("getenv(HOME)=%s getenv(PATH)=%s\n", getenv("HOME") ? getenv("HOME") : "(null)", getenv("PATH") ? getenv("PATH") : "(null)");
    setenv("GREETING", "hello ünïcode", 1);
    setenv("GREETING", "not overwritten", 0);
    setenv("EMPTY", "", 1);
    putenv("PUT=via putenv");
    printf("GREETING=%s EMPTY=\"%s\" PUT=%s\n", getenv("GREETING"), getenv("EMPTY"), getenv("PUT"));
    unsetenv("EMPTY");
    printf("EMPTY after unsetenv: %s\n", getenv("EMPTY") ? "set" : "(null)");
    count = 0;
    for (char **e = environ; e && *e; e++) count++;
    printf("environment entries now: %d\n", count);
    long total = 0;
    for (int i = 1; i < argc; i++) total += strtol(argv[i], NULL, 10);
    printf("sum of numeric arguments: %ld\n", total);
    return argc > 1 ? 0 : 9;
}
